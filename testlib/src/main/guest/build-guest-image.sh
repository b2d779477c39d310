#!/usr/bin/env bash
# Builds the small Debian guest that the V2V tests migrate: a bookworm system that looks like a Debian VM on
# VMware (open-vm-tools, ifupdown on ens192, fstab on /dev/sda1, BIOS grub on an MBR disk), plus two data disks.
#
#   build-guest-image.sh <output-dir>        (as root, on Debian 12; about 3-5 minutes)
#
# Writes into <output-dir>:
#   guest-root.raw                 the system disk, raw, sparse (GUEST_ROOT_SIZE, default 2G), one ext4 partition
#   guest-root.vmdk                monolithicFlat descriptor (adapter lsilogic) of ...
#   guest-root-flat.vmdk           ... this flat extent: what a vSphere datastore holds
#   guest-root.qcow2               the same disk for KVM sources
#   guest-data.raw / guest-data.vmdk / guest-data-flat.vmdk / guest-data.qcow2
#                                  a data disk (GUEST_DATA_SIZE, default 256M): ext4 on the whole disk, mounted
#                                  by the guest on /data (fstab: /dev/sdb, nofail)
#   guest-data2.raw / guest-data2.vmdk / guest-data2-flat.vmdk / guest-data2.qcow2
#                                  the second data disk (GUEST_DATA2_SIZE, default 128M), other files, mounted
#                                  on /data2 (fstab: /dev/sdc, nofail)
#   token                          random; also in the guest's /etc/zstack-test-guest, the data disk's
#                                  /zstack-test-data and the second data disk's /zstack-test-data2
#   data.sha256, data2.sha256      sha256sum lines of each data disk's files (paths relative to its root)
#   id_ed25519, id_ed25519.pub     the test's SSH key; root of the guest accepts it (sshd: key only)
#   ssh_host_ed25519_key.pub       the guest's SSH host key (the same in every copy of the image)
#   root-password                  root's password in the guest (for the serial console)
#   build-info                     suite, mirror, kernel, date
#
# The mirror is the machine's own (its apt sources), or GUEST_MIRROR. Other knobs: GUEST_SUITE (bookworm),
# GUEST_GRUB=install|manual (manual writes grub's boot code with dd instead of grub-install).
set -euo pipefail
export LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

here=$(cd "$(dirname "$0")" && pwd)
suite=${GUEST_SUITE:-bookworm}
root_size=${GUEST_ROOT_SIZE:-2G}
data_size=${GUEST_DATA_SIZE:-256M}
data2_size=${GUEST_DATA2_SIZE:-128M}
grub_mode=${GUEST_GRUB:-install}
packages=linux-image-amd64,grub-pc,systemd-sysv,udev,kmod,e2fsprogs,initramfs-tools,ifupdown,isc-dhcp-client
packages+=,iproute2,openssh-server,sudo,python3,open-vm-tools

log() { echo "[build-guest-image $(date +%T)] $*"; }
die() { echo "build-guest-image: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 <output-dir>"
[ "$(id -u)" = 0 ] || die "must run as root (debootstrap, loop devices, mounts)"
missing=()
for t in debootstrap:debootstrap sfdisk:fdisk partx:util-linux losetup:mount mkfs.ext4:e2fsprogs \
         debugfs:e2fsprogs qemu-img:qemu-utils ssh-keygen:openssh-client sha256sum:coreutils; do
    command -v "${t%%:*}" >/dev/null || missing+=("${t%%:*} (apt-get install ${t#*:})")
done
[ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]}"

# the machine's Debian mirror for $suite: deb822 .sources stanzas or one-line "deb" entries
find_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v suite="$suite" '
            function flush() { if (isdeb && hassuite && uri != "") { print uri; found = 1; exit } isdeb = 0; hassuite = 0; uri = "" }
            /^[ \t]*$/ { flush(); next }
            tolower($1) == "types:" { for (i = 2; i <= NF; i++) if ($i == "deb") isdeb = 1 }
            tolower($1) == "uris:" { uri = $2 }
            tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == suite) hassuite = 1 }
            END { if (!found) flush() }' "$f" | head -n1
    done
    { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } \
        | sed -e 's/#.*//' -e 's/\[[^]]*\]//' \
        | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2 }'
}
mirror=${GUEST_MIRROR:-$( (find_mirror || true) | grep -E '^(https?|file):' | head -n1 || true)}
[ -n "$mirror" ] || die "no Debian mirror for '$suite' in the apt sources of this machine; set GUEST_MIRROR"

mkdir -p "$1"
out=$(cd "$1" && pwd)
work=$(mktemp -d "$out/.work.XXXXXX")
mnt=$work/root
loop=""
part_loop=""
mounts=()
made_nodes=()

cleanup() {
    local rc=$? i pid
    set +e
    # processes left inside the chroot (a daemon a postinst started) hold the mounts: end them by their pid
    if [ -d "$mnt" ]; then
        for pid in $(ls /proc | grep -E '^[0-9]+$'); do
            [ "$(readlink "/proc/$pid/root" 2>/dev/null)" = "$mnt" ] && kill -9 "$pid" 2>/dev/null
        done
    fi
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[$i]}" 2>/dev/null || umount -l "${mounts[$i]}"
    done
    # and whatever else is still mounted below the work dir (debootstrap mounts proc and sys while it runs)
    for i in $(awk -v w="$work" 'index($2, w "/") == 1 { print $2 }' /proc/self/mounts | sort -r); do
        umount "$i" 2>/dev/null || umount -l "$i"
    done
    [ -n "$part_loop" ] && losetup -d "$part_loop"
    if [ -n "$loop" ]; then
        partx -d "$loop" 2>/dev/null
        losetup -d "$loop"
    fi
    for i in "${made_nodes[@]}"; do rm -f "$i"; done
    if awk -v w="$work" 'index($2, w "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
        echo "build-guest-image: file systems are still mounted below $work; not removing it" >&2
    else
        rm -rf "$work"
    fi
    [ $rc -eq 0 ] || echo "build-guest-image: failed (exit $rc)" >&2
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

do_mount() { # do_mount <target> <mount args...>
    local target=$1
    shift
    mount "$@" "$target"
    mounts+=("$target")
}

# "major:minor" of a block device as sysfs has it -> a node at $2, unless one with that number is there
ensure_node() {
    local sysdev=$1 node=$2 mm
    mm=$(cat "$sysdev")
    if [ -b "$node" ] && [ "$(stat -c '%t:%T' "$node")" = "$(printf '%x:%x' "${mm%%:*}" "${mm#*:}")" ]; then
        return 0
    fi
    rm -f "$node"
    mknod "$node" b "${mm%%:*}" "${mm#*:}"
    made_nodes+=("$node")
}

log "suite $suite from $mirror into $out"
rm -f "$out"/guest-* "$out"/id_ed25519* "$out"/token "$out"/root-password "$out"/data*.sha256 "$out"/build-info \
    "$out"/ssh_host_*

# the test's own secrets
ssh-keygen -q -t ed25519 -N '' -C zstack-test-guest -f "$out/id_ed25519"
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$token" > "$out/token"
head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$out/root-password"
chmod 600 "$out/root-password"

# the system disk: MBR, one bootable Linux partition from 1 MiB to the end
img=$out/guest-root.raw
truncate -s "$root_size" "$img"
printf 'label: dos\nstart=2048, type=83, bootable\n' | sfdisk -q "$img"
part_start=$((2048 * 512))
part_size=$(($(stat -c %s "$img") - part_start))

loop=$(losetup -f --show -P "$img")
name=${loop#/dev/}
sys=/sys/block/$name/${name}p1
# losetup -P does not always scan here; partx -a asks the kernel for the partition explicitly
for i in $(seq 1 20); do
    [ -e "$sys" ] && break
    partx -a "$loop" 2>/dev/null || partx -u "$loop" 2>/dev/null || true
    sleep 0.25
done
if [ -e "$sys" ]; then
    part=/dev/${name}p1
    # no udev here: if devtmpfs did not make the node, make it from sysfs's numbers
    for i in $(seq 1 8); do [ -b "$part" ] && break; sleep 0.25; done
    ensure_node "$sys/dev" "$part"
else
    log "no partitions on $loop from the kernel; a second loop device over the partition's bytes instead"
    part_loop=$(losetup -f --show -o "$part_start" --sizelimit "$part_size" "$img")
    part=$part_loop
    grub_mode=manual
fi
log "disk $loop, root partition $part"

mkfs.ext4 -q -L guest-root "$part"
uuid=$(blkid -s UUID -o value "$part" 2>/dev/null || true)
[ -n "$uuid" ] || uuid=$(debugfs -R stats "$part" 2>/dev/null | awk '/^Filesystem UUID:/ { print $3 }')
mkdir -p "$mnt"
do_mount "$mnt" "$part"

log "debootstrap (minbase + $packages)"
debootstrap --variant=minbase --include="$packages" "$suite" "$mnt" "$mirror"

# the chroot gets a /dev of its own (the machine's /dev may be shared): the usual nodes, the disk and its
# partition, and the by-uuid link that grub-mkconfig looks for before it writes root=UUID=...
do_mount "$mnt/proc" -t proc proc
do_mount "$mnt/sys" --bind /sys
do_mount "$mnt/dev" -t tmpfs -o mode=755,size=1m tmpfs
(
    cd "$mnt/dev"
    mknod -m 666 null c 1 3; mknod -m 666 zero c 1 5; mknod -m 666 full c 1 7
    mknod -m 666 random c 1 8; mknod -m 666 urandom c 1 9; mknod -m 666 tty c 5 0
    mkdir -m 755 pts shm
    ln -s pts/ptmx ptmx; ln -s /proc/self/fd fd
    ln -s /proc/self/fd/0 stdin; ln -s /proc/self/fd/1 stdout; ln -s /proc/self/fd/2 stderr
)
do_mount "$mnt/dev/pts" -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts
for d in "$loop" "$part"; do
    mm=$(stat -c '%t %T' "$d")
    mknod -m 660 "$mnt$d" b $((16#${mm% *})) $((16#${mm#* }))
done
mkdir -p "$mnt/dev/disk/by-uuid"
ln -s "../..${part#/dev}" "$mnt/dev/disk/by-uuid/$uuid"

mkdir -p "$mnt/tmp/zstack-guest"
cp "$here"/{configure-guest.sh,fstab,interfaces,initramfs-modules,initramfs.conf,grub-defaults.cfg,sshd-config} \
    "$mnt/tmp/zstack-guest/"
cp "$out/token" "$out/root-password" "$mnt/tmp/zstack-guest/"
cp "$out/id_ed25519.pub" "$mnt/tmp/zstack-guest/authorized_keys"

log "configuring the guest (initramfs, grub: $grub_mode)"
chroot "$mnt" /bin/bash /tmp/zstack-guest/configure-guest.sh "$loop" "$grub_mode"
rm -rf "$mnt/tmp/zstack-guest"
# every copy of the guest has this host key: a test can pin it (known_hosts) instead of trusting any host
cp "$mnt/etc/ssh/ssh_host_ed25519_key.pub" "$out/ssh_host_ed25519_key.pub"
grep -q "root=UUID=$uuid" "$mnt/boot/grub/grub.cfg" || die "grub.cfg does not boot root=UUID=$uuid"
kernel=$(ls "$mnt/boot" | sed -n 's/^vmlinuz-//p' | sort -V | tail -n1)
{
    echo "suite=$suite"
    echo "mirror=$mirror"
    echo "kernel=$kernel"
    echo "root_uuid=$uuid"
    echo "grub=$grub_mode"
    echo "built=$(date -u +%FT%TZ)"
} > "$out/build-info"
du -sh --exclude=proc --exclude=sys --exclude=dev "$mnt" | sed 's/^/guest files: /'

# give the blocks of deleted files (debootstrap's first, big initramfs, apt's caches) back to the image file,
# so that it, the flat VMDK and the qcow2 hold only what the guest uses
fstrim "$mnt" || log "fstrim failed; the image stays larger than its files"

# unmount (the trap would too, but the image must be complete before the copies below)
for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "${mounts[$i]}"; done
mounts=()
e2fsck -f -p "$part" >/dev/null || [ $? -le 1 ] || die "e2fsck found errors on the root file system"
if [ -n "$part_loop" ]; then losetup -d "$part_loop"; part_loop=""; fi
partx -d "$loop" 2>/dev/null || true
losetup -d "$loop"
loop=""
for i in "${made_nodes[@]}"; do rm -f "$i"; done
made_nodes=()

# the data disks: ext4 on the whole disk (no partition table, as many VMware data disks are), made from a
# directory with mkfs -d so that no loop device or mount is needed; different files on each, so that a test
# can tell a swapped or lost disk from a good one
make_data_disk() { # make_data_disk <name> <size> <marker file> <file:MiB of random bytes>...
    local name=$1 size=$2 marker=$3 f
    shift 3
    log "data disk $name ($size)"
    mkdir -p "$work/$name/files"
    echo "$token" > "$work/$name/$marker"
    for f in "$@"; do
        head -c "${f#*:}M" /dev/urandom > "$work/$name/files/${f%%:*}"
    done
    printf 'the %s disk of the ZStack V2V test guest\n' "$name" > "$work/$name/files/README"
    (cd "$work/$name" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum) > "$out/$name.sha256"
    truncate -s "$size" "$out/guest-$name.raw"
    mkfs.ext4 -q -F -L "guest-$name" -d "$work/$name" "$out/guest-$name.raw"
}
make_data_disk data "$data_size" zstack-test-data random.bin:8
make_data_disk data2 "$data2_size" zstack-test-data2 random-a.bin:4 random-b.bin:3

log "VMDK and qcow2 copies"
for d in root data data2; do
    qemu-img convert -f raw -O vmdk -o subformat=monolithicFlat,adapter_type=lsilogic \
        "$out/guest-$d.raw" "$out/guest-$d.vmdk"
    [ -f "$out/guest-$d-flat.vmdk" ] || die "qemu-img did not write guest-$d-flat.vmdk"
    qemu-img convert -f raw -O qcow2 "$out/guest-$d.raw" "$out/guest-$d.qcow2"
done
chmod 644 "$out"/guest-*
log "done: $(du -sh "$out" | cut -f1) in $out"
