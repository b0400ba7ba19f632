#ifndef KLASTER_CLIBYAML_SHIM_H
#define KLASTER_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
