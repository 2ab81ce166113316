"""jgstudy (机关学习): study and competition training for cadres."""

__version__ = "0.1.0"
