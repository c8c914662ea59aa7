#ifndef CONVENE_CLIBICAL_SHIM_H
#define CONVENE_CLIBICAL_SHIM_H

#include <libical/ical.h>

/// libical reports failures through a thread-local errno; Swift cannot read the macro
/// `icalerrno` directly, so this returns it.
static inline icalerrorenum convene_icalerrno(void) {
    return icalerrno;
}

/// Resets libical's error state before a call whose failure is reported through icalerrno.
static inline void convene_clear_icalerror(void) {
    icalerror_clear_errno();
}

#endif
