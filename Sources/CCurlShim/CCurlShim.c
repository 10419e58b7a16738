// Intentionally empty: every wrapper is a static inline function in the header.
