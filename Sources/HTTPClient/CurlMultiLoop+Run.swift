import CCurl

// The loop thread's side of `CurlMultiLoop`. Only that thread runs these functions, so the table
// of running transfers is a local variable, not shared state.

extension CurlMultiLoop {
    /// The running transfers by easy handle. Holding them here keeps each `Transfer` (and the
    /// unretained pointer libcurl's callbacks get) alive while its handle is in the multi handle.
    typealias Running = [UnsafeMutableRawPointer: Transfer]

    /// The thread's body: apply queued commands, do ready I/O, hand out results, wait.
    func run() {
        logger.debug("HTTP client loop started")
        var running = Running()
        while true {
            let (commands, stopping) = queue.withLock { queue in
                defer { queue.commands.removeAll(keepingCapacity: true) }
                return (queue.commands, queue.lifecycle != .running)
            }
            for command in commands { apply(command, to: &running) }
            if stopping { break }
            multi.perform()
            finishCompleted(in: &running)
            multi.poll(timeoutMilliseconds: 1000)
        }
        abortAll(&running)
        stop()
    }

    private func apply(_ command: Command, to running: inout Running) {
        switch command {
        case .add(let transfer):
            start(transfer, in: &running)
        case .remove(let transfer):
            guard running[transfer.easy.handle] != nil else { return }
            multi.remove(transfer.easy)
            running[transfer.easy.handle] = nil
        case .unpause(let transfer):
            guard running[transfer.easy.handle] != nil else { return }
            _ = transfer.easy.pause(0)  // CURLPAUSE_CONT, a macro Swift cannot import
        }
    }

    private func start(_ transfer: Transfer, in running: inout Running) {
        // Cancelled between being queued and now: its `remove` may have been applied already.
        guard !transfer.isFinished else { return }
        do {
            try transfer.installCallbacks()
        } catch {
            return transfer.complete(.failure(error))
        }
        let code = multi.add(transfer.easy)
        guard code == CURLM_OK else {
            let message = "curl_multi_add_handle failed: \(String(cString: curl_multi_strerror(code)))"
            logger.error("HTTP transfer not started", metadata: ["http.error": "\(message)"])
            return transfer.complete(.failure(HTTPClientError(code: .other, message: message)))
        }
        running[transfer.easy.handle] = transfer
    }

    private func finishCompleted(in running: inout Running) {
        while let (easy, result) = multi.nextCompletion() {
            guard let transfer = running[easy] else { continue }
            multi.remove(transfer.easy)
            running[easy] = nil
            transfer.finish(result)
        }
    }

    private func abortAll(_ running: inout Running) {
        for transfer in running.values {
            multi.remove(transfer.easy)
            transfer.complete(.failure(HTTPClientError.shutdown()))
        }
        running.removeAll()
    }

    private func stop() {
        let waiters = queue.withLock { queue in
            queue.lifecycle = .stopped
            defer { queue.shutdownWaiters.removeAll() }
            return queue.shutdownWaiters
        }
        logger.debug("HTTP client loop stopped")
        for waiter in waiters { waiter.resume() }
    }
}
