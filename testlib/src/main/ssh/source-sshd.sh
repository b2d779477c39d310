#!/usr/bin/env bash
# Starts (idempotently) an sshd of the tests' own that plays a KVM source host: it listens on one loopback address
# and port, with a host key and an authorized key of its own under <dir>, and lets root in with that key only.
# It never touches the machine's /etc/ssh or port 22. Prints "<dir>/id_ed25519" (the client's private key).
#
#   source-sshd.sh <dir> <listen address> <port>      e.g. source-sshd.sh /tmp/src-ssh 127.0.0.4 2222
#   source-sshd.sh --stop <dir>
set -euo pipefail

# stops the sshd whose pid file is in $1 and waits (5 s at most) until it is gone, so that its port is free again
stop_sshd() {
    local d=$1 pid
    [ -f "$d/sshd.pid" ] || return 0
    pid=$(cat "$d/sshd.pid")
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "$d/sshd.pid"
}

if [ "${1:-}" = "--stop" ]; then
    stop_sshd "$2"
    exit 0
fi

dir=$1
addr=$2
port=$3
mkdir -p "$dir"
chmod 700 "$dir"
[ -f "$dir/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C source-host -f "$dir/host_ed25519"
[ -f "$dir/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C v2v-test-client -f "$dir/id_ed25519"
cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys"
# sshd wants its privilege-separation directory; on a machine without systemd nobody made it
mkdir -p /run/sshd
chmod 755 /run/sshd

# where a running sshd of this dir listens: what its config said before this call rewrites it
previous=$(awk '$1 == "ListenAddress" { a = $2 } $1 == "Port" { p = $2 } END { print a " " p }' "$dir/sshd_config" 2>/dev/null || true)

cat > "$dir/sshd_config" <<CONF
ListenAddress $addr
Port $port
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
StrictModes no
AllowTcpForwarding yes
AllowStreamLocalForwarding yes
MaxStartups 50:30:100
MaxSessions 50
LogLevel INFO
Subsystem sftp internal-sftp
CONF

if [ -f "$dir/sshd.pid" ] && kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null; then
    if [ "$previous" = "$addr $port" ]; then
        echo "$dir/id_ed25519"
        exit 0
    fi
    # it listens elsewhere (started for another address or port): start it again with this config
    stop_sshd "$dir"
fi
sshd=$(command -v sshd || echo /usr/sbin/sshd)
"$sshd" -t -f "$dir/sshd_config"
fail() {
    echo "sshd on $addr:$port $1; $dir/sshd.log ends:" >&2
    tail -n 5 "$dir/sshd.log" >&2 || true
    exit 1
}
# a fresh log: what it says below is about this start only
: > "$dir/sshd.log"
# it forks into the background before it binds: a port in use shows in its log, not in its exit status
"$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log" || fail "did not start"
for _ in $(seq 1 50); do
    if ssh -q -i "$dir/id_ed25519" -p "$port" -o BatchMode=yes -o StrictHostKeyChecking=no \
           -o UserKnownHostsFile=/dev/null -o ConnectTimeout=2 "root@$addr" true 2>/dev/null; then
        echo "$dir/id_ed25519"
        exit 0
    fi
    if grep -q "Cannot bind any address" "$dir/sshd.log"; then
        fail "could not listen (the port is in use by another sshd of another directory?)"
    fi
    sleep 0.2
done
fail "did not let the test key in within 10 s"
