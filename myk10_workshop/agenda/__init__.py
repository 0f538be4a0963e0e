"""The agenda planner's core: computed times, named operations, read models and the method
library. Qt-free, so the timing rules run and are tested headless and serve reports too."""
