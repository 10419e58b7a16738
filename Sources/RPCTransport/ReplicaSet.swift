import RPCCore

/// The replicas of one service as a client sees them: which may take calls, how busy each is,
/// and which to try next. Pure state, so balancing and ejection are tested without sockets.
///
/// Balancing is least-outstanding-requests: a call goes to the admitted replica with the fewest
/// calls in flight, ties taking turns. A replica that fails is ejected, with a jittered backoff
/// before it is tried again; a successful health check or call re-admits it. When every replica
/// is ejected, those whose backoff has run out are tried anyway rather than failing outright.
struct ReplicaSet: Sendable {
    enum Health: Hashable, Sendable {
        case admitted
        case ejected(failures: Int, retryAt: ContinuousClock.Instant)
    }

    struct Replica: Hashable, Sendable {
        let address: RPCAddress
        var health: Health = .admitted
        var outstanding = 0
    }

    private(set) var replicas: [RPCAddress: Replica] = [:]
    /// The addresses in the order they were given, for stable tie-breaking.
    private(set) var addresses: [RPCAddress] = []
    private var rotation: UInt = 0
    let backoff: Backoff

    init(addresses: [RPCAddress] = [], backoff: Backoff) {
        self.backoff = backoff
        _ = replace(with: addresses)
    }

    /// Takes a replica for a call (counting it as outstanding until ``release(_:)``), skipping
    /// `excluded`; `nil` when none may be tried.
    mutating func pick(excluding excluded: Set<RPCAddress> = [], now: ContinuousClock.Instant) -> RPCAddress? {
        rotation &+= 1
        return leastBusy(excluding: excluded) { $0.health == .admitted }
            ?? leastBusy(excluding: excluded) { replica in
                if case .ejected(_, let retryAt) = replica.health { return retryAt <= now }
                return false
            }
    }

    /// Counts a call on the eligible replica with the fewest in flight, starting the scan at the
    /// rotation so that ties take turns; one pass, no arrays, as it runs on every call.
    private mutating func leastBusy(
        excluding excluded: Set<RPCAddress>, where isEligible: (Replica) -> Bool
    ) -> RPCAddress? {
        guard !addresses.isEmpty else { return nil }
        var chosen: (address: RPCAddress, outstanding: Int)?
        for offset in 0..<addresses.count {
            let address = addresses[Int((rotation &+ UInt(offset)) % UInt(addresses.count))]
            guard !excluded.contains(address), let replica = replicas[address], isEligible(replica) else { continue }
            if replica.outstanding < chosen?.outstanding ?? .max {
                chosen = (address, replica.outstanding)
            }
        }
        guard let chosen else { return nil }
        replicas[chosen.address]?.outstanding += 1
        return chosen.address
    }

    /// The call on `address` is over.
    mutating func release(_ address: RPCAddress) {
        guard let outstanding = replicas[address]?.outstanding, outstanding > 0 else { return }
        replicas[address]?.outstanding = outstanding - 1
    }

    /// `address` failed (refused, closed, timed out): eject it until its backoff runs out.
    mutating func recordFailure(_ address: RPCAddress, now: ContinuousClock.Instant) {
        guard let replica = replicas[address] else { return }
        let failures =
            switch replica.health {
            case .admitted: 1
            case .ejected(let failures, _): failures + 1
            }
        replicas[address]?.health = .ejected(failures: failures, retryAt: now + backoff.delay(afterFailures: failures))
    }

    /// `address` answered: admit it.
    mutating func recordSuccess(_ address: RPCAddress) {
        replicas[address]?.health = .admitted
    }

    func isAdmitted(_ address: RPCAddress) -> Bool { replicas[address]?.health == .admitted }

    /// Whether `address` may be probed now: admitted, or ejected with its backoff run out.
    func isDue(_ address: RPCAddress, now: ContinuousClock.Instant) -> Bool {
        switch replicas[address]?.health {
        case .admitted?: true
        case .ejected(_, let retryAt)?: retryAt <= now
        case nil: false
        }
    }

    /// Sets the replicas to `newAddresses` (a DNS answer), keeping what is known of those that
    /// stay; returns the addresses that went away.
    mutating func replace(with newAddresses: [RPCAddress]) -> [RPCAddress] {
        var unique: [RPCAddress] = []
        for address in newAddresses where !unique.contains(address) { unique.append(address) }
        let removed = addresses.filter { !unique.contains($0) }
        for address in removed { replicas[address] = nil }
        for address in unique where replicas[address] == nil { replicas[address] = Replica(address: address) }
        addresses = unique
        return removed
    }
}
