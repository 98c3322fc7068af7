"""Errors of the Python-written functions name the function the user called.

A composite such as `count_nonzero` calls other functions of the namespace; a bad argument is
then caught by an inner one (`sum`), whose message names `sum`. Each public function of a
Python module is wrapped once so that such an error gets the called function's name in front
(the class and the inner message stay: "ivycpp.count_nonzero: ivycpp.sum: axis must be ...")."""
import functools as _functools
import types as _types

_NAMED = (TypeError, ValueError, IndexError, LookupError, ArithmeticError)


def _wrap(fn, qualified):
    @_functools.wraps(fn)
    def named(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except AttributeError as e:
            # A composite reading .shape or .dtype of a non-array: the argument's type is wrong.
            raise TypeError(f"{qualified}: expected ivycpp arrays ({e})") from None
        except _NAMED as e:
            message = str(e)
            if qualified in message:
                raise
            try:
                renamed = type(e)(f"{qualified}: {message}")
            except Exception:  # an exception class with another constructor: leave it as is
                raise e from None
            raise renamed.with_traceback(e.__traceback__) from None

    return named


def name_errors(namespace, prefix):
    """Wraps every public function defined in the module whose globals() are namespace."""
    module = namespace["__name__"]
    for name, value in list(namespace.items()):
        if (isinstance(value, _types.FunctionType) and not name.startswith("_")
                and value.__module__ == module):
            namespace[name] = _wrap(value, f"{prefix}{name}")
