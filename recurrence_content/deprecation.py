"""Old import paths kept for one release after a module moved."""

import warnings
from types import ModuleType
from typing import Any


def moved_module(old_name: str, new_module: ModuleType) -> dict[str, Any]:
    """Warn that ``old_name`` moved, and return the module attributes that make
    it give every name of ``new_module`` as the same object.

    Use at the old path: ``globals().update(moved_module(__name__, new))``.
    """
    warnings.warn(
        f"{old_name} moved to {new_module.__name__}; import it from there "
        "(the old path is removed in 0.3).",
        DeprecationWarning,
        # This function, the old module's body, then the code that imported it
        # (Python leaves the import machinery's own frames out).
        stacklevel=3,
    )
    public = [name for name in vars(new_module) if not name.startswith("_")]
    return {
        "__all__": getattr(new_module, "__all__", public),
        "__getattr__": lambda name: getattr(new_module, name),
        "__dir__": lambda: dir(new_module),
    }
