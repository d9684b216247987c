# Shared by systemd-e2e.sh and mta-e2e.sh (sourced, not run): the pieces that put a real journald and a real
# `systemd --user` in a private mount and cgroup namespace, and take them away again. Each function says what it
# needs; every wait is bounded.

result() { printf '%s=%s\n' "$1" "$2"; }
now_us() { date +%s%6N; }

# Waits at most $2 seconds for process $1 (a child or not) to end; SIGKILL after that.
stop_pid() {
    local pid=$1 limit=$2 state i
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < limit * 10; i++)); do
        state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -c1)
        if [ -z "$state" ] || [ "$state" = Z ]; then break; fi
        sleep 0.1
    done
    state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -c1)
    if [ -n "$state" ] && [ "$state" != Z ]; then
        log "process $pid did not end within ${limit}s: SIGKILL"
        kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
    return 0
}

# Outside: the run's cgroups (CGROUPS), next to this process in the hierarchies systemd tracks processes with.
# Exports E2E_UNIFIED on a hybrid hierarchy. $1: the cgroups' name.
make_run_cgroups() {
    local name=$1 v1
    CGROUPS=()
    if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then
        CGROUPS+=("/sys/fs/cgroup$(sed -n 's/^0:://p' /proc/self/cgroup | sed 's:/$::')/$name")
    else
        v1=$(sed -n 's/^[0-9]*:name=systemd://p' /proc/self/cgroup | sed 's:/$::')
        [ -d /sys/fs/cgroup/systemd ] || { result FATAL "no name=systemd cgroup hierarchy"; return 1; }
        CGROUPS+=("/sys/fs/cgroup/systemd$v1/$name")
        if [ "$(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null)" = cgroup2fs ]; then
            CGROUPS+=("/sys/fs/cgroup/unified$(sed -n 's/^0:://p' /proc/self/cgroup | sed 's:/$::')/$name")
            export E2E_UNIFIED=1
        fi
    fi
    for c in "${CGROUPS[@]}"; do mkdir "$c" || { result FATAL "cannot create the cgroup $c"; return 1; }; done
}

# Outside, at the end: ends by pid whatever is left in the run's cgroups (it was started by the run), then removes
# them. Reports LEFTOVER_PROCESSES and LEFTOVER_CGROUP.
end_run_cgroups() {
    local pids pid i c
    for ((i = 0; i < 50; i++)); do
        pids=$(for c in "${CGROUPS[@]}"; do find "$c" -name cgroup.procs -exec cat {} + 2>/dev/null; done | sort -u)
        [ -z "$pids" ] && break
        for pid in $pids; do kill -"$([ $i -lt 20 ] && echo TERM || echo KILL)" "$pid" 2>/dev/null; done
        sleep 0.1
    done
    [ -n "$pids" ] && result LEFTOVER_PROCESSES "$(echo $pids)"
    for c in "${CGROUPS[@]}"; do
        for ((i = 0; i < 20; i++)); do
            find "$c" -depth -type d -exec rmdir {} + 2>/dev/null
            [ -d "$c" ] || break
            sleep 0.1
        done
        [ -d "$c" ] && result LEFTOVER_CGROUP "$c"
    done
}

# Inside `unshare -m -C`: the namespace's own view of the cgroups (HIERARCHIES), with helpers/ holding this shell and
# $1 (the user manager's cgroup, user.slice/user-UID.slice/user@UID.service) made, owned by $2 (UID:GID) — delegated
# as logind does. Without the cgroup namespace, `systemd --user` started from the root cgroup would move every
# process of that cgroup, PID 1 included, into a new /init.scope.
enter_private_cgroups() {
    local slice=$1 owner=$2 h
    if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then
        mount -t cgroup2 cgroup2 /sys/fs/cgroup || fail "cannot mount cgroup2"
        HIERARCHIES=(/sys/fs/cgroup)
    else
        mount -t tmpfs -o mode=755 tmpfs /sys/fs/cgroup || fail "cannot mount tmpfs on /sys/fs/cgroup"
        mkdir -p /sys/fs/cgroup/systemd
        mount -t cgroup -o none,name=systemd cgroup /sys/fs/cgroup/systemd || fail "cannot mount name=systemd"
        HIERARCHIES=(/sys/fs/cgroup/systemd)
        if [ -n "${E2E_UNIFIED:-}" ]; then
            mkdir -p /sys/fs/cgroup/unified
            mount -t cgroup2 cgroup2 /sys/fs/cgroup/unified || fail "cannot mount cgroup2 on unified"
            HIERARCHIES+=(/sys/fs/cgroup/unified)
        fi
    fi
    for h in "${HIERARCHIES[@]}"; do
        mkdir -p "$h/helpers" "$h/$slice" || fail "cannot create cgroups in $h"
        chown -R "$owner" "$h/$slice" || fail "cannot delegate $h/$slice"
        echo $$ >"$h/helpers/cgroup.procs" || fail "cannot enter $h/helpers"
    done
}

# Inside the mount namespace: /run as on a booted machine, and a volatile, quiet journald (JOURNALD_PID), its
# configuration kept in $3. $1:$2 is the user (UID GID) whose runtime directory /run/user/UID is made.
#
# One tmpfs for /run: with /run/systemd a mount of its own, a unit's ProtectKernelTunables=, ProtectProc=,
# ProcSubset= and ProtectControlGroups= hide journald's socket from it. /run/user/UID a tmpfs of its own, as logind
# makes it (systemd 252's user manager takes its inaccessible nodes from there, whatever XDG_RUNTIME_DIR says), and
# unit-root, where PID 1 has a unit's mount namespace built.
private_run_and_journald() {
    local uid=$1 gid=$2 folder=$3 i
    mount -t tmpfs -o mode=755 tmpfs /run || fail "cannot mount tmpfs on /run"
    mkdir -p /run/log /run/systemd/system /run/systemd/journal /run/systemd/unit-root "/run/user/$uid"
    mount -t tmpfs -o "mode=700,uid=$uid,gid=$gid" tmpfs "/run/user/$uid" || fail "cannot mount /run/user/$uid"
    if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal || fail "cannot hide /var/log/journal"; fi
    printf '[Journal]\nStorage=volatile\nReadKMsg=no\nForwardToSyslog=no\nForwardToKMsg=no\nForwardToWall=no\n' \
        >"$folder/journald.conf"
    if [ -e /etc/systemd/journald.conf ]; then
        mount --bind "$folder/journald.conf" /etc/systemd/journald.conf || fail "cannot replace journald.conf"
    fi
    SYSTEMD_LOG_TARGET=console /lib/systemd/systemd-journald >"$folder/journald.log" 2>&1 &
    JOURNALD_PID=$!
    for ((i = 0; i < 100; i++)); do [ -S /run/systemd/journal/socket ] && break; sleep 0.05; done
    [ -S /run/systemd/journal/socket ] || fail "journald did not create its socket in 5 s: $(cat "$folder/journald.log")"
}
