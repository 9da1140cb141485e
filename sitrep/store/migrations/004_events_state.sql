-- Pipeline-wide state of the event stages (e.g. which merge/control versions built the incidents).
CREATE TABLE IF NOT EXISTS events_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
