import RPCCore
import Testing

@testable import RPCTransport

/// Balancing and ejection, without sockets.
@Suite("Replica set: least-outstanding balancing, ejection, re-admission")
struct ReplicaSetTests {
    let a = RPCAddress.unix(path: "/run/a.sock")
    let b = RPCAddress.unix(path: "/run/b.sock")
    let c = RPCAddress.unix(path: "/run/c.sock")
    let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(2))

    @Test func callsGoToTheReplicaWithTheFewestInFlight() {
        var set = ReplicaSet(addresses: [a, b, c], backoff: backoff)
        let now = ContinuousClock.now
        let first = [set.pick(now: now), set.pick(now: now), set.pick(now: now)].compactMap { $0 }
        #expect(Set(first) == [a, b, c], "three calls spread over three idle replicas")
        set.release(b)
        #expect(set.pick(now: now) == b, "b is the only one with nothing in flight")
        set.release(a)
        set.release(a)  // releasing more than was taken does not go negative
        #expect(set.replicas[a]?.outstanding == 0)
    }

    @Test func tiesTakeTurns() {
        var set = ReplicaSet(addresses: [a, b, c], backoff: backoff)
        var counts: [RPCAddress: Int] = [:]
        for _ in 0..<300 {
            guard let address = set.pick(now: .now) else { Issue.record("no replica"); return }
            counts[address, default: 0] += 1
            set.release(address)
        }
        #expect(counts.values.sorted() == [100, 100, 100])
    }

    @Test func anEjectedReplicaGetsNoCallsUntilItsBackoffRunsOut() {
        var set = ReplicaSet(addresses: [a, b], backoff: backoff)
        let now = ContinuousClock.now
        set.recordFailure(a, now: now)
        #expect(!set.isAdmitted(a))
        for _ in 0..<20 {
            #expect(set.pick(now: now) == b)
        }
        set.recordSuccess(a)
        set.release(b)
        #expect(set.pick(now: now) == a, "re-admitted and idle")
    }

    @Test func whenAllAreEjectedThoseDueAreTriedAnyway() {
        var set = ReplicaSet(addresses: [a, b], backoff: backoff)
        let now = ContinuousClock.now
        set.recordFailure(a, now: now)
        set.recordFailure(b, now: now)
        #expect(set.pick(now: now - .seconds(1)) == nil, "nobody is due before the failures")
        let later = now + backoff.ceiling(afterFailures: 1)
        #expect(set.pick(now: later) != nil)
        #expect(set.isDue(a, now: later) && set.isDue(b, now: later))
    }

    @Test func repeatedFailuresBackOffFurther() throws {
        var set = ReplicaSet(addresses: [a], backoff: Backoff(initial: .milliseconds(100), maximum: .seconds(60)))
        let now = ContinuousClock.now
        for _ in 0..<5 { set.recordFailure(a, now: now) }
        guard case .ejected(let failures, let retryAt)? = set.replicas[a]?.health else {
            Issue.record("a should be ejected")
            return
        }
        #expect(failures == 5)
        #expect(retryAt <= now + .milliseconds(1600))
    }

    @Test func excludedReplicasAreSkipped() {
        var set = ReplicaSet(addresses: [a, b], backoff: backoff)
        #expect(set.pick(excluding: [a], now: .now) == b)
        #expect(set.pick(excluding: [a, b], now: .now) == nil)
    }

    @Test func aNewDNSAnswerKeepsWhatIsKnownOfReplicasThatStay() {
        var set = ReplicaSet(addresses: [a, b], backoff: backoff)
        set.recordFailure(b, now: .now)
        _ = set.pick(excluding: [b], now: .now)
        let removed = set.replace(with: [b, c, c])
        #expect(removed == [a])
        #expect(set.addresses == [b, c])
        #expect(!set.isAdmitted(b), "b's ejection survives the new answer")
        #expect(set.isAdmitted(c))
    }

    @Test func backoffIsJitteredBelowADoublingCeiling() {
        let backoff = Backoff(initial: .milliseconds(50), maximum: .seconds(5))
        #expect(backoff.ceiling(afterFailures: 1) == .milliseconds(50))
        #expect(backoff.ceiling(afterFailures: 3) == .milliseconds(200))
        #expect(backoff.ceiling(afterFailures: 100) == .seconds(5))
        var delays: Set<Duration> = []
        for _ in 0..<50 {
            let delay = backoff.delay(afterFailures: 4)
            #expect(delay >= .zero && delay <= .milliseconds(400))
            delays.insert(delay)
        }
        #expect(delays.count > 1, "jitter spreads the waits")
    }

    @Test func targetsParse() throws {
        #expect(try RPCTarget(parsing: "dns://financial-agent:7000") == .dns(host: "financial-agent", port: 7000))
        #expect(
            try RPCTarget(parsing: "unix:///run/a.sock, tcp://10.0.0.2:7000")
                == .addresses([.unix(path: "/run/a.sock"), .tcp(host: "10.0.0.2", port: 7000)]))
        for bad in ["", ",", "dns://name", "dns://:80", "dns://n:0", "unix:///a.sock,unix:///a.sock", "http://x:1"] {
            #expect(throws: RPCAddressError.self, "\(bad)") { try RPCTarget(parsing: bad) }
        }
    }
}
