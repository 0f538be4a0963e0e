"""One file per schema revision; never edit a released one."""
