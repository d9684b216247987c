#!/bin/bash
# End-to-end test of jalon as a real systemd user service writing to a real journald.
# Run by SystemdEndToEndTests.swift, which makes the assertions; this script only drives the scenario and reports.
#
# Usage: systemd-e2e.sh JALON_BINARY UNIT_FILE        (as root)
#
# Standard output: KEY=VALUE result lines as the scenario goes (a key may repeat), then, at the end, the journal
# entries of jalon and the manager's messages about jalon.service, as JSON lines (each starts with "{").
# Standard error: progress, for a human reading a failure.
#
# Isolation (nothing is left behind on the machine):
# - everything runs inside `unshare -m -C`: a private mount namespace with tmpfs on /run and /run/user/0
#   (journald's volatile storage), journald.conf replaced by Storage=volatile, ReadKMsg=no;
# - a cgroup namespace rooted at a fresh cgroup made for this run. Without it, `systemd --user` started from the
#   root cgroup moves *every* process of that cgroup (PID 1 included) into a new /init.scope and leaves it there.
#   Inside, the manager lives in user.slice/user-0.slice/user@0.service, so that journald derives
#   _SYSTEMD_USER_UNIT=jalon.service for the daemon's entries as on a real machine. (Tried on a hybrid hierarchy,
#   name=systemd + unified, the Debian 12 machine's; a cgroup2-only machine takes the same steps on /sys/fs/cgroup.)
# - HOME (a fresh directory under /home), XDG_CONFIG_HOME and XDG_STATE_HOME point into a fresh directory, removed at
#   the end; every process still in the run's cgroup is killed by pid, then the cgroup is removed.
# Every wait is bounded.

set -u
umask 022

log() { printf 'e2e %s: %s\n' "$(date -u +%T.%3N)" "$*" >&2; }
# result, now_us, stop_pid, the cgroups, /run and journald.
. "$(dirname "$0")/e2e-common.sh"

########################################################################################################################
# Inside the namespaces.
########################################################################################################################
if [ "${1:-}" = --inner ]; then
    JALON_BIN=$2 UNIT_SRC=$3 T=$4
    JOURNALD_PID="" MANAGER_PID=""
    USER_SLICE=user.slice/user-0.slice/user@0.service
    JOURNAL_DIR=/run/log/journal

    inner_cleanup() {
        trap - EXIT INT TERM
        if [ -n "$MANAGER_PID" ]; then
            # Normally stopped already; if a step failed, stop it now (bounded) so the unit's state is reported.
            timeout 15 systemctl --user stop jalon.service >/dev/null 2>&1
            stop_pid "$MANAGER_PID" 15
        fi
        stop_pid "$JOURNALD_PID" 5
    }
    trap inner_cleanup EXIT
    trap 'exit 1' INT TERM

    fail() {
        result FATAL "$*"
        log "FATAL: $*"
        exit 1
    }

    # --- cgroups: the namespace's own view, only the hierarchies systemd tracks processes with.
    enter_private_cgroups "$USER_SLICE" 0:0
    # --- private runtime directories and a volatile, quiet journald.
    private_run_and_journald 0 0 "$T"
    log "journald $JOURNALD_PID up"

    # --- the user's files: the binary, the unit, an empty configuration for now.
    mkdir -p "$HOME/.local/bin" "$XDG_CONFIG_HOME/systemd/user" "$XDG_STATE_HOME"
    cp "$JALON_BIN" "$HOME/.local/bin/jalon" && chmod 755 "$HOME/.local/bin/jalon" || fail "cannot copy the binary"
    cp "$UNIT_SRC" "$XDG_CONFIG_HOME/systemd/user/jalon.service" || fail "cannot copy the unit"
    CONFIG=$XDG_CONFIG_HOME/jalon
    mkdir -m 700 "$CONFIG" "$CONFIG/people"
    # The state directory, as scripts/install makes it: the unit's sandbox needs it to exist (a user manager that is
    # not root's makes it itself, with ExecStartPre=+).
    mkdir -p -m 700 "$XDG_STATE_HOME/jalon"

    # 1. The unit passes systemd-analyze verify.
    verify_output=$(timeout 30 systemd-analyze verify --user "$XDG_CONFIG_HOME/systemd/user/jalon.service" 2>&1)
    result VERIFY_EXIT $?
    while IFS= read -r line; do [ -n "$line" ] && result VERIFY_OUTPUT "$line"; done <<<"$verify_output"

    # --- the user manager, in user@0.service.
    (
        for h in "${HIERARCHIES[@]}"; do echo "$BASHPID" >"$h/$USER_SLICE/cgroup.procs"; done
        exec env SYSTEMD_LOG_TARGET=journal /lib/systemd/systemd --user
    ) >"$T/manager.log" 2>&1 &
    MANAGER_PID=$!
    for ((i = 0; i < 200; i++)); do [ -S "$XDG_RUNTIME_DIR/systemd/private" ] && break; sleep 0.05; done
    [ -S "$XDG_RUNTIME_DIR/systemd/private" ] ||
        fail "systemd --user did not start in 10 s: $(tail -5 "$T/manager.log")"
    result MANAGER_STATE "$(timeout 20 systemctl --user is-system-running --wait 2>&1)"
    log "systemd --user $MANAGER_PID up"

    # --- the configuration: due times are whole seconds, written as local date-times in UTC (the settings' zone).
    iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%S; }
    put() { # put RELATIVE-PATH: standard input becomes the file, atomically (a dot file is ignored by jalon)
        local target=$CONFIG/$1 tmp
        tmp=$(dirname "$target")/.e2e-tmp
        cat >"$tmp" && chmod 644 "$tmp" && mv -f "$tmp" "$target"
    }
    S=$(date +%s)
    ONTIME_DUE=$((S + 8))
    KEPT_DUE=$((S + 13))
    OLD_DUE=$((S - 3 * 86400))
    result ONTIME_DUE_S $ONTIME_DUE
    result KEPT_DUE_S $KEPT_DUE
    result OLD_DUE_S $OLD_DUE
    put jalon.toml <<EOF
timezone = "UTC"
locale   = "en"
holidays = "none"
EOF
    put people/anne.toml <<EOF
name = "Anne"

# Due 3 days ago, known for a week: -2d (5 days ago) is missed, +0d (3 days ago) is sent late.
[[deadline]]
id        = "old"
title     = "Old deadline"
due       = $(iso $OLD_DUE)
remind    = ["-2d", "+0d"]
follow_up = false

# Due a few seconds after the start.
[[session]]
id     = "ontime"
title  = "On-time session"
at     = $(iso $((ONTIME_DUE + 60)))
remind = ["-1min"]
EOF
    put people/bruno.toml <<EOF
name = "Bruno"

[[session]]
id     = "kept"
title  = "Kept session"
at     = $(iso $((KEPT_DUE + 60)))
remind = ["-1min"]
EOF
    chmod 700 "$CONFIG" "$CONFIG/people"

    # --- what an earlier jalon left in the state database: it planned anne/old a week ago and ran until a clean
    # stop six days ago (jalon answers only for reminders due after it first planned their item). A `done` given
    # and taken back makes the database; the rows go in with Python's sqlite3 module, or sqlite3.
    jalon_cli() { "$HOME/.local/bin/jalon" "$@" >>"$T/cli.log" 2>&1; }
    jalon_cli done anne/old && jalon_cli undone anne/old || fail "cannot make the state database: $(cat "$T/cli.log")"
    SEED="INSERT INTO first_seen (item, base, seen_at) VALUES ('anne/old', $OLD_DUE, $((S - 7 * 86400)));
INSERT INTO run (pid, started_at, last_seen, stopped_at) VALUES (1, $((S - 9 * 86400)), $((S - 6 * 86400)), $((S - 6 * 86400)));"
    STATE_DB=$XDG_STATE_HOME/jalon/jalon.sqlite
    if [ -x /usr/bin/python3 ]; then
        /usr/bin/python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.executescript(sys.argv[2]); db.commit()' \
            "$STATE_DB" "$SEED" || fail "cannot seed the state database"
    else
        sqlite3 "$STATE_DB" "$SEED" || fail "cannot seed the state database"
    fi
    result STOPPED_BEFORE_S $((S - 6 * 86400))

    jcount() { journalctl -D "$JOURNAL_DIR" -o json --no-pager -q "$@" 2>/dev/null | wc -l; }
    # wait_for NAME SECONDS MINIMUM MATCH...: waits until MINIMUM journal entries match.
    wait_for() {
        local name=$1 limit=$2 min=$3 n deadline
        shift 3
        deadline=$(($(now_us) + limit * 1000000))
        while :; do
            n=$(jcount "$@")
            if [ "$n" -ge "$min" ]; then
                result "WAIT_$name" ok
                return 0
            fi
            if [ "$(now_us)" -ge "$deadline" ]; then
                result "WAIT_$name" "timeout after ${limit}s ($n of $min entries matching $*)"
                log "wait $name timed out"
                return 1
            fi
            sleep 0.1
        done
    }
    show() { # show PREFIX: the unit's state, one KEY=VALUE per property
        timeout 10 systemctl --user show jalon.service \
            -p ActiveState,SubState,Result,ExecMainStatus,ExecMainCode,MainPID,NRestarts,StatusText 2>&1 |
            while IFS= read -r line; do echo "$1.$line"; done
    }
    ID_REMINDER=MESSAGE_ID=dc6697ba687b4ab0a201a7be08b393f1
    ID_PROBLEM=MESSAGE_ID=20316b56028d4b8da993c50c6a65823c
    ID_RELOAD=MESSAGE_ID=4c16e5595f724dd898b6d3ba57d0ac86
    ID_STARTED=MESSAGE_ID=5a2f2d03076f4dca857f0c1dc05e7d40
    ID_STOPPED=MESSAGE_ID=9d9dd237d8c14e4c9178ffb6708f3652
    ID_LATE=MESSAGE_ID=1f2fc5fd00c94d37bab25eb5b0816549
    ID_MISSED=MESSAGE_ID=b98798a956aa49d4bf80576c3306486a

    # Enabled as a user would (WantedBy=default.target): default.target then references the unit, so the manager
    # keeps it loaded once stopped and `systemctl show` reports how it ended (an unreferenced inactive unit is
    # unloaded at once and `show` would print defaults: Result=success, ExecMainStatus=0 whatever happened).
    timeout 20 systemctl --user enable jalon.service >/dev/null 2>&1
    result ENABLE_EXIT $?

    # 2. Start: returns once READY=1 arrived.
    result START_SENT_US "$(now_us)"
    timeout 20 systemctl --user start jalon.service
    start_exit=$?
    result START_EXIT $start_exit
    result START_RETURNED_US "$(now_us)"
    show START
    main_pid=$(timeout 10 systemctl --user show -p MainPID --value jalon.service 2>/dev/null)
    active=$(timeout 10 systemctl --user is-active jalon.service 2>/dev/null)
    log "start: exit $start_exit, $active, pid $main_pid"
    result JALON_ENV "$(tr '\0' '\n' <"/proc/$main_pid/environ" 2>/dev/null |
        grep -E '^(HOME|XDG_CONFIG_HOME|XDG_STATE_HOME|NOTIFY_SOCKET|WATCHDOG_USEC)=' | tr '\n' ' ')"

    while_running() {
        # 3. Catch-up at start.
        wait_for started 5 1 SYSLOG_IDENTIFIER=jalon $ID_STARTED
        wait_for late 5 1 SYSLOG_IDENTIFIER=jalon $ID_LATE
        wait_for missed 5 1 SYSLOG_IDENTIFIER=jalon $ID_MISSED

        # 8. `jalon status` while it runs (same XDG directories as the service).
        status_output=$(timeout 20 "$HOME/.local/bin/jalon" status 2>&1)
        result STATUS_EXIT $?
        while IFS= read -r line; do result STATUS_OUTPUT "$line"; done <<<"$status_output"

        # 5. A file added while running, with a reminder due 4 s later.
        NEW_DUE=$(($(date +%s) + 4))
        result NEW_DUE_S $NEW_DUE
        result NEW_WRITTEN_US "$(now_us)"
        put people/new.toml <<EOF
name = "New"

[[session]]
id     = "fresh"
title  = "Fresh session"
at     = $(iso $((NEW_DUE + 60)))
remind = ["-1min"]
EOF
        log "people/new.toml written"
        wait_for new_reload 5 1 SYSLOG_IDENTIFIER=jalon $ID_RELOAD
        wait_for new_delivered 10 1 SYSLOG_IDENTIFIER=jalon $ID_REMINDER JALON_REMINDER=new/fresh/-1min

        # 4. On-time delivery.
        wait_for ontime $((ONTIME_DUE - $(date +%s) + 5)) 1 SYSLOG_IDENTIFIER=jalon JALON_REMINDER=anne/ontime/-1min

        # 6. A file broken while running keeps its reminders.
        result BREAK_US "$(now_us)"
        put people/bruno.toml <<EOF
name = "Bruno"
[[session]
id = "kept"
at = 2030-01-01T10:00:00
EOF
        log "people/bruno.toml broken"
        wait_for problem 5 1 SYSLOG_IDENTIFIER=jalon $ID_PROBLEM JALON_FILE=people/bruno.toml
        wait_for kept $((KEPT_DUE - $(date +%s) + 5)) 1 SYSLOG_IDENTIFIER=jalon JALON_REMINDER=bruno/kept/-1min

        # 7. systemctl reload (ExecReload sends SIGHUP).
        reloads_before=$(jcount SYSLOG_IDENTIFIER=jalon $ID_RELOAD)
        result RELOAD_SENT_US "$(now_us)"
        timeout 20 systemctl --user reload jalon.service
        result RELOAD_EXIT $?
        wait_for reload 5 $((reloads_before + 1)) SYSLOG_IDENTIFIER=jalon $ID_RELOAD
        show RELOADED
    }
    if [ "$start_exit" = 0 ] && [ "$active" = active ]; then
        while_running
    else
        result ABORTED "jalon.service did not start (exit $start_exit, $active): steps 3 to 8 skipped"
        timeout 10 systemctl --user status --no-pager -l jalon.service 2>&1 | while IFS= read -r line; do
            result UNIT_STATUS "$line"
        done
    fi

    # 9. Clean stop.
    result STOP_SENT_US "$(now_us)"
    timeout 40 systemctl --user stop jalon.service
    result STOP_EXIT $?
    show STOPPED
    wait_for stopped 5 1 SYSLOG_IDENTIFIER=jalon $ID_STOPPED

    # 10. The state directory's modes.
    result STATE_DIR_MODE "$(stat -c %a "$XDG_STATE_HOME/jalon" 2>&1)"
    result DB_MODE "$(stat -c %a "$XDG_STATE_HOME/jalon/jalon.sqlite" 2>&1)"
    for f in "$XDG_STATE_HOME/jalon"/*; do result STATE_FILE "$(basename "$f") $(stat -c %a "$f")"; done

    # The journal: jalon's own entries, and what the manager said about the unit.
    journalctl -D "$JOURNAL_DIR" -o json --no-pager -q \
        SYSLOG_IDENTIFIER=jalon + _SYSTEMD_USER_UNIT=jalon.service + USER_UNIT=jalon.service
    result DONE 1
    exit 0
fi

########################################################################################################################
# Outside: check, make the run's cgroup, enter the namespaces, clean up whatever happens.
########################################################################################################################
if [ $# -ne 2 ]; then
    echo "usage: $0 JALON_BINARY UNIT_FILE" >&2
    exit 2
fi
JALON_BIN=$(realpath "$1") UNIT_SRC=$(realpath "$2")
[ "$(id -u)" = 0 ] || { result FATAL "not root"; exit 2; }
for tool in unshare systemctl journalctl systemd-analyze timeout; do
    command -v $tool >/dev/null || { result FATAL "$tool is missing"; exit 2; }
done
[ -x /lib/systemd/systemd ] && [ -x /lib/systemd/systemd-journald ] || { result FATAL "no /lib/systemd"; exit 2; }

T=$(mktemp -d /tmp/jalon-e2e.XXXXXX) || exit 2
chmod 755 "$T"
CGROUPS=()
INNER_PID=""

outer_cleanup() {
    trap - EXIT INT TERM
    [ -n "$INNER_PID" ] && stop_pid "$INNER_PID" 30
    # Whatever is left in the run's cgroups was started by this run: end it by pid.
    end_run_cgroups
    rm -rf "$T" "${HOME:-$T}"
    [ -d "$T" ] && result LEFTOVER_DIRECTORY "$T"
    [ -d "${HOME:-$T}" ] && result LEFTOVER_DIRECTORY "$HOME"
}
trap outer_cleanup EXIT
trap 'exit 1' INT TERM

# The run's cgroup, next to this process in the hierarchies systemd uses to track processes.
make_run_cgroups "jalon-e2e-$$" || exit 2

# The home is not under /tmp, which the unit's PrivateTmp= hides from it.
HOME=$(mktemp -d /home/jalon-e2e.XXXXXX) || { result FATAL "cannot make a home under /home"; exit 2; }
export HOME
export XDG_CONFIG_HOME=$HOME/.config XDG_STATE_HOME=$HOME/.local/state XDG_RUNTIME_DIR=/run/user/0
export LANG=C.UTF-8 TZ=UTC PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
unset DBUS_SESSION_BUS_ADDRESS JALON_CONFIG_DIR JALON_STATE_DIR NOTIFY_SOCKET XDG_DATA_DIRS
chmod 700 "$HOME"
result TMPDIR_USED "$T"

(
    for c in "${CGROUPS[@]}"; do echo "$BASHPID" >"$c/cgroup.procs" || exit 3; done
    exec timeout -k 5 75 unshare -m -C --propagation private bash "$0" --inner "$JALON_BIN" "$UNIT_SRC" "$T"
) &
INNER_PID=$!
wait "$INNER_PID"
status=$?
INNER_PID=""
result INNER_EXIT $status
log "inner part ended with $status; cleaning up"
exit 0
