/// Results written by several threads, each thread to its own slots, and read once they are
/// done: what lets a parallel loop give the same result for any number of threads (each item
/// computed by one thread into its own slot, then read in item order).
///
/// The storage sits behind a pointer, so concurrent writes to different slots touch no shared
/// Swift array (whose exclusivity checks and copy-on-write would not allow them).
package final class ThreadSlots<Element>: @unchecked Sendable {
  private let pointer: UnsafeMutablePointer<Element>
  /// The number of slots.
  package let count: Int

  /// `count` slots, each holding `initial` until written.
  package init(count: Int, initial: Element) {
    self.count = count
    pointer = .allocate(capacity: max(1, count))
    pointer.initialize(repeating: initial, count: count)
  }

  deinit {
    pointer.deinitialize(count: count)
    pointer.deallocate()
  }

  /// Writes slot `index`; each slot by one thread only.
  @inline(__always)
  package func set(_ index: Int, _ value: Element) { pointer[index] = value }

  /// The slots in order, once every thread is done.
  package func take() -> [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
