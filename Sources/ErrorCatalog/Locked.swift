#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a `pthread_mutex_t`: the lock for errcat's shared caches and pools.
///
/// Not `Synchronization.Mutex`, on purpose: ThreadSanitizer on Linux does not understand that
/// lock (it reports races on data it guards; see docs/THREAT-MODEL.md and DESIGN-NOTES), so code
/// behind it cannot be checked. TSan intercepts pthread mutexes, so with this lock the
/// sanitizer run (`.ci/sanitizers.sh`) checks the pools instead of being told to ignore them.
///
/// Every access to the value goes through `withLock`; the value must not escape it (moving an
/// element out, as a pool does, is fine: it is then the caller's alone).
package final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    package init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed (\(status))")
        self.value = value
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    @inline(__always)
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
