public import NIOCore

/// Runs a task's jobs on one NIO event loop, so a task that prefers it (`Task(executorPreference:)`,
/// `withTaskExecutorPreference`) makes RPC calls on that loop without handing each call to
/// another thread and back.
///
/// Only for tasks that do not block: a job holds the event loop, and every connection on it,
/// while it runs.
public final class EventLoopTaskExecutor: TaskExecutor {
    public let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
