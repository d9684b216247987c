#!/bin/bash
# End-to-end test of jalon's mail through the MTAs Debian gives its users, as a NON-ROOT user under the shipped unit,
# in a real `systemd --user` writing to a real journald. Run by MailTransportEndToEndTests.swift, which makes the
# assertions; this script drives the scenario and reports.
#
# Usage: mta-e2e.sh JALON_BINARY UNIT_FILE DROP_IN        (as root; exim4-daemon-light, msmtp, python3-aiosmtpd)
#
# Scenarios, one user manager for all:
#   1. exim4 (setuid root) under the hardened unit: jalon says once that it cannot work there, tries nothing;
#      `jalon test-mail` asks the daemon and reports it; `jalon sendmail-privileges` says setuid.
#   2. the drop-in for a setuid sendmail installed (what scripts/install does): the waiting message and a new one reach
#      the user's Maildir through exim; `jalon test-mail` goes through the daemon.
#   3. exim's spool read-only (exim exits 1): the message is refused, tried again (retry = 1) and heals once the spool
#      is writable again; the journal says so.
#   4. a postfix stand-in (a sendmail that hands the message to a setgid `postdrop`, postfix's layout; postfix itself
#      cannot be installed beside exim4): blocked under the hardened unit, delivered with the drop-in.
#   5. msmtp (not setuid) under the hardened unit, to aiosmtpd on 127.0.0.1: delivered; the unit's sandbox is real
#      (no_new_privs, a user namespace, a read-only home).
#   And `systemd-analyze security --offline=true --user` of the unit and of the unit with its drop-in.
#
# Standard output: KEY=VALUE lines, then jalon's journal entries as JSON lines (each starts with "{").
# Isolation as in systemd-e2e.sh: a private mount and cgroup namespace, a volatile journald, everything under a
# temporary directory; the test user is created for the run and removed after it.

set -u
umask 022

log() { printf 'mta-e2e %s: %s\n' "$(date -u +%T.%3N)" "$*" >&2; }
# result, now_us, stop_pid, the cgroups, /run and journald.
. "$(dirname "$0")/e2e-common.sh"

E2E_USER=jalon-mta-e2e

########################################################################################################################
# Inside the namespaces.
########################################################################################################################
if [ "${1:-}" = --inner ]; then
    JALON_BIN=$2 UNIT_SRC=$3 DROPIN_SRC=$4 T=$5
    U=$(id -u $E2E_USER) G=$(id -g $E2E_USER)
    JOURNALD_PID="" MANAGER_PID="" SMTP_PID=""
    USER_SLICE=user.slice/user-$U.slice/user@$U.service
    JOURNAL_DIR=/run/log/journal
    UNITS=$XDG_CONFIG_HOME/systemd/user
    CONFIG=$XDG_CONFIG_HOME/jalon
    STATE=$XDG_STATE_HOME/jalon
    MAILDIR=$HOME/Maildir

    as_user() {
        setpriv --reuid="$U" --regid="$G" --init-groups env -i HOME="$HOME" XDG_RUNTIME_DIR="$XDG_RUNTIME_DIR" \
            XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_STATE_HOME="$XDG_STATE_HOME" LANG=C.UTF-8 TZ=UTC \
            PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"
    }
    uctl() { as_user timeout 30 systemctl --user "$@"; }

    inner_cleanup() {
        trap - EXIT INT TERM
        umount /var/spool/exim4 2>/dev/null
        if [ -n "$MANAGER_PID" ]; then
            uctl stop jalon.service >/dev/null 2>&1
            stop_pid "$MANAGER_PID" 15
        fi
        stop_pid "$SMTP_PID" 5
        stop_pid "$JOURNALD_PID" 5
    }
    trap inner_cleanup EXIT
    trap 'exit 1' INT TERM
    fail() {
        result FATAL "$*"
        log "FATAL: $*"
        exit 1
    }

    # --- cgroups: the namespace's own view; the user manager's cgroup delegated to the user, as logind does.
    enter_private_cgroups "$USER_SLICE" "$U:$G"
    # --- /run as on a booted machine, and a volatile journald.
    private_run_and_journald "$U" "$G" "$T"
    export XDG_RUNTIME_DIR=/run/user/$U

    # --- the user's files.
    as_user mkdir -p "$HOME/.local/bin" "$UNITS" "$CONFIG/people" "$XDG_STATE_HOME" || fail "cannot make the home"
    install -o "$U" -g "$G" -m 755 "$JALON_BIN" "$HOME/.local/bin/jalon" || fail "cannot install the binary"
    install -o "$U" -g "$G" -m 644 "$UNIT_SRC" "$UNITS/jalon.service" || fail "cannot install the unit"
    chmod 700 "$CONFIG"

    # --- the security scores: the unit, and the unit with its drop-in (appended: later assignments win, empty ones
    # reset, as systemd reads a drop-in).
    # (as root, with a runtime directory of its own: the user manager's must stay the user's)
    mkdir -p "$T/score/plain" "$T/score/setuid" "$T/score/run"
    cp "$UNIT_SRC" "$T/score/plain/jalon.service"
    cat "$UNIT_SRC" "$DROPIN_SRC" >"$T/score/setuid/jalon.service"
    for variant in plain setuid; do
        score=$(XDG_RUNTIME_DIR=$T/score/run timeout 30 systemd-analyze security --offline=true --user \
            "$T/score/$variant/jalon.service" 2>&1 | sed -n 's/.*Overall exposure level for jalon.service: \([0-9.]*\).*/\1/p')
        result "SCORE_$variant" "$score"
    done
    verify=$(XDG_RUNTIME_DIR=$T/score/run timeout 30 systemd-analyze verify --user "$T/score/setuid/jalon.service" 2>&1)
    result VERIFY_SETUID_EXIT $?
    while IFS= read -r line; do [ -n "$line" ] && result VERIFY_SETUID_OUTPUT "$line"; done <<<"$verify"

    # --- the user manager, as the user, in its delegated cgroup.
    (
        for h in "${HIERARCHIES[@]}"; do echo "$BASHPID" >"$h/$USER_SLICE/cgroup.procs"; done
        exec setpriv --reuid="$U" --regid="$G" --init-groups env -i HOME="$HOME" XDG_RUNTIME_DIR="$XDG_RUNTIME_DIR" \
            XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_STATE_HOME="$XDG_STATE_HOME" LANG=C.UTF-8 TZ=UTC \
            PATH=/usr/sbin:/usr/bin:/sbin:/bin SYSTEMD_LOG_TARGET=journal /lib/systemd/systemd --user
    ) >"$T/manager.log" 2>&1 &
    MANAGER_PID=$!
    for ((i = 0; i < 200; i++)); do [ -S "$XDG_RUNTIME_DIR/systemd/private" ] && break; sleep 0.05; done
    [ -S "$XDG_RUNTIME_DIR/systemd/private" ] ||
        fail "systemd --user did not start: $(tail -30 "$T/manager.log" | tr "\n" " ") $(journalctl -D "$JOURNAL_DIR" --no-pager -q -n 10 2>&1 | tr '\n' ' ')"
    result MANAGER_STATE "$(uctl is-system-running --wait 2>&1)"
    uctl enable jalon.service >/dev/null 2>&1

    iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%S; }
    put() { # put RELATIVE-PATH: standard input becomes the file, atomically, owned by the user
        local target=$CONFIG/$1 tmp
        tmp=$(dirname "$target")/.e2e-tmp
        cat >"$tmp" && chown "$U:$G" "$tmp" && chmod 644 "$tmp" && mv -f "$tmp" "$target"
    }
    settings() { # settings SENDMAIL-TOML
        put jalon.toml <<EOF
timezone = "UTC"
locale   = "en"
holidays = "none"

[mail]
from     = "jalon e2e <$E2E_USER@localhost>"
sendmail = $1
retry    = 1
timeout  = 20
EOF
    }
    person() { # person ID ADDRESS DUE
        put "people/$1.toml" <<EOF
name  = "Person $1"
email = "$2"

[[deadline]]
id        = "d"
title     = "Deadline of $1"
due       = $(iso "$3")
remind    = ["+0d"]
follow_up = false
EOF
    }
    jcount() { journalctl -D "$JOURNAL_DIR" -o json --no-pager -q "$@" 2>/dev/null | wc -l; }
    wait_for() { # wait_for NAME SECONDS MINIMUM MATCH...
        local name=$1 limit=$2 min=$3 deadline n
        shift 3
        deadline=$(($(now_us) + limit * 1000000))
        while :; do
            n=$(jcount "$@")
            if [ "$n" -ge "$min" ]; then result "WAIT_$name" ok; return 0; fi
            if [ "$(now_us)" -ge "$deadline" ]; then
                result "WAIT_$name" "timeout after ${limit}s ($n of $min entries matching $*)"
                return 1
            fi
            sleep 0.1
        done
    }
    wait_files() { # wait_files NAME SECONDS MINIMUM DIR
        local name=$1 limit=$2 min=$3 dir=$4 deadline n
        deadline=$(($(now_us) + limit * 1000000))
        while :; do
            n=$(find "$dir" -type f 2>/dev/null | wc -l)
            if [ "$n" -ge "$min" ]; then result "WAIT_$name" ok; return 0; fi
            if [ "$(now_us)" -ge "$deadline" ]; then
                result "WAIT_$name" "timeout after ${limit}s ($n of $min files in $dir)"
                return 1
            fi
            sleep 0.1
        done
    }
    sql() { as_user sqlite3 -batch -noheader -readonly "$STATE/jalon.sqlite" "$1" 2>&1; }
    sent_state() { # sent_state REMINDER: its queue row once it is recorded as sent (at most 10 s), else as it is
        local i row
        for ((i = 0; i < 100; i++)); do
            row=$(sql "SELECT state, attempts FROM mail WHERE reminder = '$1'")
            case "$row" in sent*) break ;; esac
            sleep 0.1
        done
        echo "$row"
    }
    lines() { while IFS= read -r line; do result "$1" "$line"; done; }
    restart() {
        uctl daemon-reload
        uctl restart jalon.service
        result "RESTART_$1" "$? $(uctl is-active jalon.service)"
        if [ "$(uctl is-active jalon.service)" != active ]; then
            journalctl -D "$JOURNAL_DIR" --no-pager -q -o cat _SYSTEMD_USER_UNIT=jalon.service + USER_UNIT=jalon.service \
                + _SYSTEMD_USER_UNIT=init.scope | tail -15 | lines "UNIT_LOG_$1"
        fi
    }
    ID_BLOCKED=MESSAGE_ID=a4c2e8f61b3d4e7f9c5a2b8d6e1f3c47
    ID_RECOVERED=MESSAGE_ID=6b1e0f4c2d8a4f5e9a3c7d2b8e4f1a06
    ID_FAILURE=MESSAGE_ID=c87e4a3093ee488e8627256e65c54dec

    # 1. exim under the hardened unit.
    log "1. exim under the hardened unit"
    settings '"/usr/sbin/sendmail"'
    S=$(date +%s)
    person exim1 "$E2E_USER@localhost" $((S + 4))
    result PRIVILEGES "$(as_user "$HOME/.local/bin/jalon" sendmail-privileges 2>&1)"
    restart 1
    wait_for blocked 10 1 SYSLOG_IDENTIFIER=jalon $ID_BLOCKED
    wait_for exim1_journaled 15 1 SYSLOG_IDENTIFIER=jalon JALON_REMINDER=exim1/d/+0d
    sleep 1
    result EXIM1_QUEUE "$(sql "SELECT state, attempts FROM mail WHERE reminder = 'exim1/d/+0d'")"
    as_user "$HOME/.local/bin/jalon" status 2>&1 | lines STATUS_BLOCKED
    testmail=$(as_user timeout 60 "$HOME/.local/bin/jalon" test-mail "$E2E_USER@localhost" 2>&1)
    result TESTMAIL_BLOCKED_EXIT $?
    lines TESTMAIL_BLOCKED_OUTPUT <<<"$testmail"
    result MAILDIR_1 "$(find "$MAILDIR" -type f 2>/dev/null | wc -l)"

    # 2. the drop-in, chosen as scripts/install chooses it.
    log "2. the drop-in for a setuid sendmail"
    case "$(as_user "$HOME/.local/bin/jalon" sendmail-privileges)" in
    setuid* | setgid*)
        as_user mkdir -p "$UNITS/jalon.service.d"
        install -o "$U" -g "$G" -m 644 "$DROPIN_SRC" "$UNITS/jalon.service.d/setuid-sendmail.conf"
        ;;
    esac
    restart 2
    wait_files exim1_delivered 20 1 "$MAILDIR/new"
    result EXIM1_QUEUE_AFTER "$(sent_state exim1/d/+0d)"
    testmail=$(as_user timeout 60 "$HOME/.local/bin/jalon" test-mail "$E2E_USER@localhost" 2>&1)
    result TESTMAIL_EXIT $?
    lines TESTMAIL_OUTPUT <<<"$testmail"
    wait_files testmail_delivered 20 2 "$MAILDIR/new"
    for f in "$MAILDIR"/new/*; do result MAILDIR_FILE "$(basename "$f") $(grep -m1 '^X-Jalon-Reminder:' "$f" || echo test)"; done

    # 3. exim's spool read-only: exit 1, retried, healed.
    log "3. a read-only spool"
    mount --bind /var/spool/exim4 /var/spool/exim4 && mount -o remount,ro,bind /var/spool/exim4 ||
        fail "cannot make exim's spool read-only"
    S=$(date +%s)
    person spool "$E2E_USER@localhost" $((S + 3))
    wait_for spool_refused 20 1 SYSLOG_IDENTIFIER=jalon $ID_FAILURE JALON_REMINDER=spool/d/+0d
    result SPOOL_QUEUE_RO "$(sql "SELECT state, attempts, last_result FROM mail WHERE reminder = 'spool/d/+0d'")"
    result SPOOL_FIXED_US "$(now_us)"
    umount /var/spool/exim4 || fail "cannot make exim's spool writable again"
    wait_for spool_recovered 30 1 SYSLOG_IDENTIFIER=jalon $ID_RECOVERED JALON_REMINDER=spool/d/+0d
    wait_files spool_delivered 20 3 "$MAILDIR/new"
    result SPOOL_QUEUE "$(sent_state spool/d/+0d)"

    # 4. a postfix stand-in: sendmail hands the message to a setgid postdrop, which writes into the maildrop.
    log "4. a postfix stand-in"
    groupadd -f jalon-mta-e2e-drop
    P=$HOME/postfix
    mkdir -p "$P/maildrop"
    cp /usr/bin/tee "$P/postdrop" && chgrp jalon-mta-e2e-drop "$P/postdrop" "$P/maildrop" &&
        chmod 2755 "$P/postdrop" && chmod 1730 "$P/maildrop" || fail "cannot make the postfix stand-in"
    cat >"$P/sendmail" <<'EOF'
#!/bin/sh
# A postfix stand-in: like postfix's sendmail, hand the message to the setgid postdrop beside it.
exec "$(dirname "$0")/postdrop" "$(dirname "$0")/maildrop/$$" >/dev/null
EOF
    chmod 755 "$P/sendmail"
    chown -R "$U:$G" "$P/sendmail"
    result POSTFIX_DIRECT "$(as_user sh -c "echo x | $P/sendmail -oi -f a@b -- c@d; echo \$?")"
    result POSTFIX_NNP "$(as_user sh -c "echo x | setpriv --no-new-privs $P/sendmail -oi -f a@b -- c@d 2>/dev/null; echo \$?")"
    rm -f "$P"/maildrop/[0-9]*
    settings "\"$P/sendmail\""
    result POSTFIX_PRIVILEGES "$(as_user "$HOME/.local/bin/jalon" sendmail-privileges 2>&1)"
    rm -f "$UNITS/jalon.service.d/setuid-sendmail.conf"
    S=$(date +%s)
    person postfix "$E2E_USER@localhost" $((S + 4))
    restart 4
    wait_for postfix_blocked 10 2 SYSLOG_IDENTIFIER=jalon $ID_BLOCKED
    wait_for postfix_journaled 15 1 SYSLOG_IDENTIFIER=jalon JALON_REMINDER=postfix/d/+0d
    sleep 1
    result POSTFIX_QUEUE_BLOCKED "$(sql "SELECT state, attempts FROM mail WHERE reminder = 'postfix/d/+0d'")"
    install -o "$U" -g "$G" -m 644 "$DROPIN_SRC" "$UNITS/jalon.service.d/setuid-sendmail.conf"
    restart 4b
    wait_files postfix_delivered 20 1 "$P/maildrop"
    result POSTFIX_QUEUE "$(sent_state postfix/d/+0d)"
    result POSTFIX_MAILDROP "$(grep -l 'X-Jalon-Reminder: postfix/d/+0d' "$P"/maildrop/* 2>/dev/null | wc -l)"

    # 5. msmtp, not setuid, under the hardened unit, to aiosmtpd on 127.0.0.1.
    log "5. msmtp under the hardened unit"
    rm -f "$UNITS/jalon.service.d/setuid-sendmail.conf"
    PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    mkdir -p "$T/smtp"
    /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$PORT" -c aiosmtpd.handlers.Mailbox "$T/smtp/box" \
        >"$T/smtp.log" 2>&1 &
    SMTP_PID=$!
    printf 'defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport %s\nfrom %s@localhost\n' "$PORT" \
        "$E2E_USER" | put msmtprc
    chmod 600 "$CONFIG/msmtprc"
    settings "[\"/usr/bin/msmtp\", \"-C\", \"$CONFIG/msmtprc\"]"
    S=$(date +%s)
    person msmtp "someone@example.org" $((S + 4))
    restart 5
    main_pid=$(uctl show -p MainPID --value jalon.service)
    result SANDBOX_NNP "$(sed -n 's/^NoNewPrivs:\t//p' "/proc/$main_pid/status")"
    result SANDBOX_UIDMAP "$(tr -s ' ' <"/proc/$main_pid/uid_map" | tr '\n' ';')"
    result SANDBOX_HOME_RO "$(nsenter -t "$main_pid" -m -U --preserve-credentials sh -c \
        "touch $HOME/probe 2>/dev/null && echo writable || echo read-only" 2>&1)"
    wait_files msmtp_delivered 20 1 "$T/smtp/box/new"
    result MSMTP_QUEUE "$(sent_state msmtp/d/+0d)"
    result BLOCKED_COUNT "$(jcount SYSLOG_IDENTIFIER=jalon $ID_BLOCKED)"
    as_user "$HOME/.local/bin/jalon" status 2>&1 | lines STATUS_MSMTP

    uctl stop jalon.service
    result STOP "$(uctl show -p Result --value jalon.service)"
    journalctl -D "$JOURNAL_DIR" -o json --no-pager -q SYSLOG_IDENTIFIER=jalon
    result DONE 1
    exit 0
fi

########################################################################################################################
# Outside: the user, the run's cgroup, the namespaces; clean up whatever happens.
########################################################################################################################
if [ $# -ne 3 ]; then
    echo "usage: $0 JALON_BINARY UNIT_FILE DROP_IN" >&2
    exit 2
fi
JALON_BIN=$(realpath "$1") UNIT_SRC=$(realpath "$2") DROPIN_SRC=$(realpath "$3")
[ "$(id -u)" = 0 ] || { result FATAL "not root"; exit 2; }

T=$(mktemp -d /tmp/jalon-mta-e2e.XXXXXX) || exit 2
chmod 755 "$T"
CGROUPS=()
INNER_PID=""
CREATED_USER=""

outer_cleanup() {
    trap - EXIT INT TERM
    [ -n "$INNER_PID" ] && stop_pid "$INNER_PID" 30
    end_run_cgroups
    # exim may still be delivering for the user: its processes are the user's, end them by pid.
    for pid in $(pgrep -u "$E2E_USER" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
    if [ -n "$CREATED_USER" ]; then userdel "$E2E_USER" 2>/dev/null; fi
    groupdel jalon-mta-e2e-drop 2>/dev/null
    rm -rf "$T" "$HOME"
    [ -d "$T" ] && result LEFTOVER_DIRECTORY "$T"
    [ -d "$HOME" ] && result LEFTOVER_DIRECTORY "$HOME"
}
trap outer_cleanup EXIT
trap 'exit 1' INT TERM

# The user: created for the run, with a home of its own under /home (exim delivers to ~/Maildir; not under /tmp,
# which the unit's PrivateTmp= hides).
HOME=$(mktemp -d /home/jalon-mta-e2e.XXXXXX) || { result FATAL "cannot make a home under /home"; exit 2; }
rmdir "$HOME"
export HOME
if ! id "$E2E_USER" >/dev/null 2>&1; then
    useradd -M -d "$HOME" -s /bin/sh -U "$E2E_USER" || { result FATAL "cannot create the user $E2E_USER"; exit 2; }
    CREATED_USER=1
else
    usermod -d "$HOME" "$E2E_USER" || { result FATAL "cannot move the home of $E2E_USER"; exit 2; }
    CREATED_USER=1
fi
mkdir -m 700 "$HOME" && chown "$E2E_USER:" "$HOME"
result USER "$E2E_USER $(id -u $E2E_USER)"

make_run_cgroups "jalon-mta-e2e-$$" || exit 2

export XDG_CONFIG_HOME=$HOME/.config XDG_STATE_HOME=$HOME/.local/state
export LANG=C.UTF-8 TZ=UTC PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
unset DBUS_SESSION_BUS_ADDRESS JALON_CONFIG_DIR JALON_STATE_DIR NOTIFY_SOCKET XDG_DATA_DIRS

(
    for c in "${CGROUPS[@]}"; do echo "$BASHPID" >"$c/cgroup.procs" || exit 3; done
    exec timeout -k 5 150 unshare -m -C --propagation private bash "$0" --inner "$JALON_BIN" "$UNIT_SRC" "$DROPIN_SRC" "$T"
) &
INNER_PID=$!
wait "$INNER_PID"
status=$?
INNER_PID=""
result INNER_EXIT $status
exit 0
