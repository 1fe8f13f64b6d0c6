from os import path
from os.path import join as pjoin, exists
from . import sibling
from .. import parent
from ...pkg import thing
from .module import (
    alpha,
    beta as b,
    gamma,
)
from typing import *
from .... import deep
from .a.b import c
from __future__ import annotations
