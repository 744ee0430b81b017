"""Records: classes declared by their annotated fields, frozen unless asked otherwise.

This is the part of the standard library's dataclasses that statlint uses, spelt the same
way (`@record`, `field()`, `replace()`) and meaning the same: an `__init__` taking the fields
in order, defaults and default factories, `__post_init__`, equality and hashing by value
between instances of the same class, ordering when asked, a readable repr, and assignment
refused on frozen records. Why not dataclasses itself: importing it pulls in inspect (and
with it ast, dis and tokenize), and each class goes through a long code path. Together
that was about 20 ms of a one-page lint's 55 ms cold start, against a budget of
four times a bare interpreter (about 35 ms in all). Here only `__init__` is generated as
source (as dataclasses does, so construction stays fast); comparisons read the fields with
one `operator.attrgetter`.
"""

from __future__ import annotations

from operator import attrgetter

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Raised on assignment to a field of a frozen record."""


class Field:
    __slots__ = ("default", "default_factory", "repr", "compare")

    def __init__(self, default, default_factory, repr, compare):  # noqa: A002 (dataclasses' name)
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def field(*, default=_MISSING, default_factory=_MISSING, repr=True, compare=True) -> Field:  # noqa: A002
    return Field(default, default_factory, repr, compare)


def record(cls=None, /, *, frozen: bool = True, order: bool = False):
    """Make `cls` a record: `@record`, `@record(frozen=False)`, `@record(order=True)`."""

    def build(cls):
        fields = {name: _field_of(cls, name) for name in cls.__dict__.get("__annotations__", {})}
        cls.__record_fields__ = tuple(fields)
        cls.__init__ = _init(cls, fields)
        key = _key([name for name, spec in fields.items() if spec.compare])
        _comparisons(cls, key, frozen, order)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = _repr([name for name, spec in fields.items() if spec.repr])
        if frozen:
            cls.__setattr__ = _refuse
            cls.__delattr__ = _refuse
        return cls

    return build if cls is None else build(cls)


def replace(instance, **changes):
    """A copy of `instance` with some fields changed."""
    values = {name: getattr(instance, name) for name in instance.__record_fields__}
    values.update(changes)
    return instance.__class__(**values)


def _field_of(cls, name: str) -> Field:
    declared = cls.__dict__.get(name, _MISSING)
    if isinstance(declared, Field):
        delattr(cls, name)  # as dataclasses does: the class keeps the default, not the Field
        if declared.default is not _MISSING:
            setattr(cls, name, declared.default)
        return declared
    return Field(declared, _MISSING, True, True)


def _init(cls, fields: dict[str, Field]):
    """Generate `__init__` as source, one assignment per field into the instance's dict."""
    namespace = {"_MISSING": _MISSING}
    parameters, body = ["self"], ["    values = self.__dict__"]
    for name, spec in fields.items():
        if spec.default_factory is not _MISSING:
            namespace[f"_factory_{name}"] = spec.default_factory
            parameters.append(f"{name}=_MISSING")
            body.append(
                f"    values[{name!r}] = _factory_{name}() if {name} is _MISSING else {name}"
            )
            continue
        if spec.default is not _MISSING:
            namespace[f"_default_{name}"] = spec.default
            parameters.append(f"{name}=_default_{name}")
        else:
            parameters.append(name)
        body.append(f"    values[{name!r}] = {name}")
    if "__post_init__" in cls.__dict__:
        body.append("    self.__post_init__()")
    exec(f"def __init__({', '.join(parameters)}):\n" + "\n".join(body), namespace)
    function = namespace["__init__"]
    function.__qualname__ = f"{cls.__qualname__}.__init__"
    return function


def _key(names: list[str]):
    """A function from an instance to the values it is compared and hashed by."""
    if not names:
        return lambda instance: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda instance: (get(instance),)
    return attrgetter(*names)


def _comparisons(cls, key, frozen: bool, order: bool) -> None:
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    cls.__eq__ = __eq__
    cls.__hash__ = (lambda self: hash(key(self))) if frozen else None
    if order:
        cls.__lt__ = _ordering(key, tuple.__lt__)
        cls.__le__ = _ordering(key, tuple.__le__)
        cls.__gt__ = _ordering(key, tuple.__gt__)
        cls.__ge__ = _ordering(key, tuple.__ge__)


def _ordering(key, compare):
    def method(self, other):
        if other.__class__ is self.__class__:
            return compare(key(self), key(other))
        return NotImplemented

    return method


def _repr(names: list[str]):
    def __repr__(self):
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _refuse(self, name, *value):
    raise FrozenInstanceError(f"cannot assign to field {name!r}")
