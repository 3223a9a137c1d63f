/// Sorting the short rows of numbers that graph kernels build (a person's co-members, a
/// merged node's ties).
package enum RowSorting {
  /// Sorts `row` ascending: by insertion when it holds at most 32 numbers, as most rows do
  /// (the standard library's sort of a buffer calls its comparison through a closure), else
  /// by the standard library's sort.
  @inlinable
  package static func ascending(_ row: UnsafeMutableBufferPointer<Int32>) {
    guard row.count <= 32 else {
      var all = row
      return all.sort()
    }
    for k in row.indices.dropFirst() {
      let x = row[k]
      var j = k
      while j > 0 && row[j - 1] > x {
        row[j] = row[j - 1]
        j -= 1
      }
      row[j] = x
    }
  }
}
