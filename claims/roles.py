"""Who holds which newsroom role. Roles are Django groups named after `claims.enums.Role`."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .enums import Role


def user_roles(user: AbstractBaseUser | AnonymousUser | None) -> frozenset[str]:
    """The roles a user holds. A superuser holds every role; an inactive user none."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset(Role.values)
    cached = getattr(user, "_claims_roles", None)
    if cached is None:
        names = set(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
        cached = frozenset(names)
        user._claims_roles = cached
    return cached


def has_role(user: AbstractBaseUser | AnonymousUser | None, *roles: str) -> bool:
    """True when the user holds at least one of the roles."""
    return bool(user_roles(user) & set(roles))
