/* xsd.h - see embedded.h */
#include "embedded.h"
