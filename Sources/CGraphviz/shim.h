// Graphviz's C API (Debian's libgraphviz-dev 2.42), as SiloRender uses it.
//
// Only the SiloRender module imports this. The headers are included by their
// `graphviz/` path so that the build does not depend on pkg-config's -I flag.
#ifndef SILOSCOPE_CGRAPHVIZ_SHIM_H
#define SILOSCOPE_CGRAPHVIZ_SHIM_H

#include <stdlib.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

#endif
