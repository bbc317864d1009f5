#include "core/runtime/RunContext.h"
