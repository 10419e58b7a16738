import Synchronization

/// The cache entries this process served last, kept in its own memory so that a hit costs no Redis
/// round trip (and no thread hand-off: a lookup never suspends).
///
/// Redis stays the source of truth. A local entry is trusted only while this process is subscribed
/// to the invalidation channel that every ``ContextCache/invalidate(_:)`` publishes on, so a change
/// made through any replica drops it everywhere:
/// - until the subscription is confirmed, and from the moment it fails, nothing is served or kept;
///   going dark forgets every entry, since invalidations sent meanwhile are lost;
/// - an entry read from Redis (or stored there) is kept only if no invalidation for its user arrived
///   since before that read began (a ``Ticket`` taken before the read records that moment), so an
///   invalidation that overtakes the read it concerns is never undone by it;
/// - an entry is served for at most ``maximumAge``, which bounds staleness even if a dead
///   subscription went unnoticed;
/// - at most ``capacity`` entries are held; when full, an arbitrary one makes room (random eviction
///   needs no bookkeeping on the hit path).
final class LocalContextCache: Sendable {
    let capacity: Int
    let maximumAge: Duration
    private let state: Mutex<State>

    /// Invalidations are counted per stripe of users, not per user, so the counters stay bounded.
    private static let stripes = 1024

    private struct State {
        var isLive = false
        /// Bumped whenever the subscription starts or ends: a ticket from another session is void.
        var session: UInt64 = 0
        var invalidations = [UInt64](repeating: 0, count: LocalContextCache.stripes)
        var entries: [String: Kept] = [:]
    }

    private struct Kept {
        let entry: ContextCache.Entry
        let keptAt: ContinuousClock.Instant
    }

    /// The moment a read from Redis began, for ``keep(_:of:since:)``.
    struct Ticket: Sendable, Equatable {
        fileprivate let session: UInt64
        fileprivate let invalidations: UInt64
    }

    init(capacity: Int, maximumAge: Duration) {
        self.capacity = capacity
        self.maximumAge = maximumAge
        self.state = Mutex(State())
    }

    /// Whether entries are being served: the invalidation channel is subscribed.
    var isLive: Bool { state.withLock { $0.isLive } }

    /// How many entries are held.
    var count: Int { state.withLock { $0.entries.count } }

    /// The entry of `userID`, if one is held, younger than ``maximumAge``, and the subscription is live.
    func entry(of userID: String, now: ContinuousClock.Instant = .now) -> ContextCache.Entry? {
        state.withLock { state in
            guard state.isLive, let kept = state.entries[userID] else { return nil }
            guard now - kept.keptAt < maximumAge else {
                state.entries[userID] = nil
                return nil
            }
            return kept.entry
        }
    }

    /// Taken before reading `userID`'s entry from Redis; `nil` while the subscription is not live.
    func ticket(for userID: String) -> Ticket? {
        state.withLock { state in
            guard state.isLive else { return nil }
            return Ticket(session: state.session, invalidations: state.invalidations[Self.stripe(of: userID)])
        }
    }

    /// Keeps `entry`, read or stored under `ticket`, unless `userID` was invalidated since.
    /// - Returns: whether it was kept.
    @discardableResult
    func keep(_ entry: ContextCache.Entry, of userID: String, since ticket: Ticket?, now: ContinuousClock.Instant = .now) -> Bool {
        guard let ticket, capacity > 0 else { return false }
        return state.withLock { state in
            guard state.isLive, ticket.session == state.session,
                ticket.invalidations == state.invalidations[Self.stripe(of: userID)]
            else { return false }
            if state.entries[userID] == nil, state.entries.count >= capacity {
                state.entries.remove(at: state.entries.startIndex)
            }
            state.entries[userID] = Kept(entry: entry, keptAt: now)
            return true
        }
    }

    /// Drops the entry of `userID` and voids tickets taken for it before now.
    func invalidate(_ userID: String) {
        state.withLock { state in
            state.entries[userID] = nil
            state.invalidations[Self.stripe(of: userID)] &+= 1
        }
    }

    /// The subscription is confirmed: from now on every invalidation arrives.
    func goLive() {
        state.withLock { state in
            state.isLive = true
            state.session &+= 1
        }
    }

    /// The subscription ended: invalidations may be lost, so nothing held can be trusted.
    func goDark() {
        state.withLock { state in
            state.isLive = false
            state.session &+= 1
            state.entries.removeAll()
        }
    }

    /// A user's stripe (only the spread matters, so the process's own seeded hash does).
    private static func stripe(of userID: String) -> Int {
        Int(UInt(bitPattern: userID.hashValue) % UInt(stripes))
    }
}
