import Foundation

/// A serial executor that runs every job on one dedicated operating-system thread.
///
/// The C bridges (libpq, hiredis) make blocking calls. An actor whose `unownedExecutor` is a
/// `ThreadExecutor` runs all of its methods on that thread, so those calls never block a NIO event
/// loop or the Swift cooperative pool, and the actor's C handle is only ever touched by one thread.
///
/// The thread lives until ``shutdown()`` is called and the queued jobs have run: call it from the
/// owning actor's `deinit`, when no job can be enqueued any more.
public final class ThreadExecutor: SerialExecutor, @unchecked Sendable {
    // Safe: `jobs` and `isShuttingDown` are only read or written while `condition` is locked.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var isShuttingDown = false

    /// Starts the thread.
    /// - Parameter name: the thread's name, as debuggers and `top -H` show it (Linux keeps 15 bytes).
    public init(name: String) {
        let thread = Thread { [self] in
            // Foundation keeps `name` for `Thread.current.name`; the OS name (what `top -H` and
            // /proc show) has to be set from the thread itself on Linux.
            OSThreadName.setCurrent(name)
            runJobs()
        }
        thread.name = name
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Lets the thread end once the jobs queued so far have run.
    ///
    /// A job enqueued after the thread has ended would never run, so call this only when nothing
    /// can enqueue any more: from the `deinit` of the actor this executor serves.
    public func shutdown() {
        condition.lock()
        isShuttingDown = true
        condition.signal()
        condition.unlock()
    }

    private func runJobs() {
        while let batch = nextBatch() {
            for job in batch {
                job.runSynchronously(on: asUnownedSerialExecutor())
            }
        }
    }

    /// Waits for work; `nil` once shut down with nothing left to run.
    private func nextBatch() -> [UnownedJob]? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty && !isShuttingDown {
            condition.wait()
        }
        guard !jobs.isEmpty else { return nil }
        defer { jobs.removeAll(keepingCapacity: true) }
        return jobs
    }
}
