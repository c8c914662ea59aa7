internal import CLibical
import Foundation

/// Owns one `icalcomponent*` until it is handed to a parent (`release`) or freed in `deinit`,
/// so every component libical allocates for us is freed exactly once. The one owner type of
/// libical components: `ICalComponent` (public) wraps one.
///
/// Made and used inside `LibICal.locked` (checked in debug builds); its `deinit` takes the
/// lock itself, since the last reference may go anywhere.
final class ComponentHandle {
    private(set) var pointer: OpaquePointer
    private var owned = true

    init(kind: icalcomponent_kind) {
        LibICal.assertLocked()
        pointer = icalcomponent_new(kind)
    }

    /// Takes ownership of a component libical returned (a parse result, a clone).
    init(owning pointer: OpaquePointer) {
        LibICal.assertLocked()
        self.pointer = pointer
    }

    deinit {
        guard owned else { return }
        let pointer = self.pointer
        LibICal.locked { icalcomponent_free(pointer) }
    }

    /// Adds a property; the component owns it from now on. A nil property (libical refused the
    /// value) is skipped and reported by the caller's `LibICal.check`.
    func add(_ property: OpaquePointer?) {
        LibICal.assertLocked()
        guard let property else { return }
        icalcomponent_add_property(pointer, property)
    }

    /// Adds a child component whose ownership the caller gives up.
    func adopt(_ child: OpaquePointer) { icalcomponent_add_component(pointer, child) }

    /// Gives up ownership, for a parent to adopt.
    func release() -> OpaquePointer {
        owned = false
        return pointer
    }

    /// The component as text; libical's buffer is freed here.
    func serialized() throws -> String {
        LibICal.assertLocked()
        guard let buffer = icalcomponent_as_ical_string_r(pointer) else {
            try LibICal.check("writing iCalendar text")
            throw ICalError("writing iCalendar text failed")
        }
        defer { icalmemory_free_buffer(buffer) }
        return String(cString: buffer)
    }
}
