"""The original Ivy's Module for models written in Python (paper Appendix A):

    class Net(xp.Module):
        def __init__(self):
            self.linear0 = xp.Linear(3, 64)
            self.linear1 = xp.Linear(64, 1)
            super().__init__()               # builds the layers (dtype, backend, device)

        def _forward(self, x):
            return xp.sigmoid(self.linear1(xp.relu(self.linear0(x))))

    net = Net()
    loss, grads = xp.execute_with_gradients(lambda v: xp.mean(net(x, v=v)), net.v)
    net.v = xp.SGD(1e-2).step(net.v, grads)

A Module's variables are a Container with one entry per child layer or Module (attribute name
as the key), in the order they were assigned; net(x, v=v) runs _forward with the children's
variables taken from v, so the loss is a function of v and gradients reach v's leaves.
"""
from . import _ivycpp as _x

__all__ = ["Module"]


def _is_child(value):
    return isinstance(value, (_x._Layer, Module))


class Module:
    """Base of models written in Python; subclasses assign layers and define _forward(x)."""

    def __init__(self, dtype=None, backend=None, device=None):
        self._built_with = dict(dtype=dtype, backend=backend, device=device)
        self.build(dtype=dtype, backend=backend, device=device)

    def _children(self):
        return [(name, value) for name, value in vars(self).items() if _is_child(value)]

    def build(self, dtype=None, backend=None, device=None):
        """Creates the variables of every child (new random values)."""
        for _, child in self._children():
            child.build(dtype=dtype, backend=backend, device=device)

    @property
    def v(self):
        """The variables: a Container with one entry per child."""
        return _x.Container({name: child.v for name, child in self._children()})

    @v.setter
    def v(self, v):
        v = v if isinstance(v, _x.Container) else _x.Container(v)
        names = [name for name, _ in self._children()]
        if sorted(v.keys()) != sorted(names):
            raise _x.ShapeError(f"ivycpp.Module: variables with keys {v.keys()} for a module "
                                f"whose children are {sorted(names)}")
        for name, child in self._children():
            child.v = v[name]

    def _forward(self, x):
        raise NotImplementedError("ivycpp.Module: a subclass defines _forward(self, x)")

    def __call__(self, x, v=None):
        if v is None:
            return self._forward(x)
        saved = self.v
        self.v = v
        try:
            return self._forward(x)
        finally:
            self.v = saved

    def train(self, on=True):
        for _, child in self._children():
            child.train(on)

    def eval(self):
        self.train(False)

    def save_weights(self, path):
        self.v.to_disk_as_hdf5(path)

    def load_weights(self, path):
        first = next(iter(self.v.key_chains()), None)
        backend = self.v[first].backend if first else None
        self.v = _x.Container.from_disk_as_hdf5(path, backend=backend)
