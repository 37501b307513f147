#include "profiles/Profile.h"
