#pragma once

// Moved to models/fields (the field table sits below io/ and validation); kept so views/ include it
// unchanged.
#include "fields/scenariofields.h"
