#!/usr/bin/env python3
# Writes history-v1.sqlite: a run history in schema version 1 (output stored raw and whole, no byte
# counts), for tst_history's migration test. Run it here; the .sqlite file is committed.
import os
import sqlite3

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "history-v1.sqlite")
if os.path.exists(path):
    os.remove(path)
db = sqlite3.connect(path)
db.executescript("""
CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL,
                   started_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL);
CREATE TABLE hosts (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,
                    outcome TEXT NOT NULL, exit_status INTEGER, exit_signal TEXT, error TEXT,
                    phases TEXT, stdout BLOB, stderr BLOB, PRIMARY KEY (run_id, position));
CREATE INDEX runs_started ON runs(started_ms);
PRAGMA user_version = 1;
""")
phases = "0,10,20,30,40,50,60,70,80,90,100"
# 2026-11-01T10:00:00Z and 2026-11-02T10:00:00Z
db.execute("INSERT INTO runs VALUES (1, 'uptime', 1793527200000, 1500)")
db.execute("INSERT INTO runs VALUES (2, 'cat /etc/os-release', 1793613600000, 800)")
rows = [
    (1, 0, "web1", "root@127.0.0.1", "ok", 0, "", "", phases, b"up 3 days\n", b""),
    (1, 1, "web2", "root@127.0.0.2", "nonzero", 3, "", "", phases, b"", b"uptime: oops\n"),
    (1, 2, "db1", "root@127.0.0.3", "failed", None, "", "connection refused", phases, b"", b""),
    (2, 0, "web1", "root@127.0.0.1", "ok", 0, "", "", phases, b"ID=debian\n" * 1000, b""),
    (2, 1, "web2", "root@127.0.0.2", "nonzero", None, "TERM", "", phases, b"\xff\xfebinary", b""),
]
db.executemany("INSERT INTO hosts VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
db.commit()
db.close()
