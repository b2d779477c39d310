#!/bin/bash
# Runs inside the chroot of the freshly debootstrapped test guest (build-guest-image.sh copies this directory
# to /tmp/zstack-guest of the guest and calls it). Arguments: the whole-disk device to install grub on, and
# "install" or "manual" (how to put grub's boot code on it). The test's secrets wait in /tmp/zstack-guest:
# token, root-password, authorized_keys.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin
disk=$1
grub_mode=$2
src=/tmp/zstack-guest

# no daemon of the guest may start inside the chroot
printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
chmod 755 /usr/sbin/policy-rc.d

echo zstack-test-guest > /etc/hostname
cat > /etc/hosts <<'EOF'
127.0.0.1	localhost
127.0.1.1	zstack-test-guest
::1		localhost ip6-localhost ip6-loopback
EOF
install -m 644 "$src/fstab" /etc/fstab
install -d -m 755 /data /data2
install -m 644 "$src/interfaces" /etc/network/interfaces

# the test's own credentials: a root password (serial console) and an SSH key (sshd takes only the key)
echo "root:$(cat "$src/root-password")" | chpasswd
install -d -m 700 /root/.ssh
install -m 600 "$src/authorized_keys" /root/.ssh/authorized_keys
install -m 644 "$src/sshd-config" /etc/ssh/sshd_config.d/zstack-test-guest.conf
# host keys now (openssh-server's postinst usually made them already; -A only adds missing ones): without them
# sshd does not start, and the guest has no entropy to spare for generating them at first boot under TCG
ssh-keygen -A
# sshd -t wants its privilege separation directory (at boot a tmpfs /run gets it from ssh.service)
install -d -m 755 /run/sshd
sshd -t
rmdir /run/sshd
# sshd must not wait for the network: Debian's ssh.service only orders itself after network.target, which
# ifupdown reaches without waiting for DHCP on allow-hotplug NICs; fail the build if that ever changes
if grep -Eq '^(Wants|After|Requires)=.*network-online' /lib/systemd/system/ssh.service; then
    echo "ssh.service waits for network-online.target" >&2
    exit 1
fi
systemctl is-enabled ssh.service

# the marker a migration test reads back to prove the root disk's data survived
install -m 644 "$src/token" /etc/zstack-test-guest

# a small initramfs with the boot drivers only, and a serial console
install -m 644 "$src/initramfs.conf" /etc/initramfs-tools/conf.d/zstack-test-guest.conf
install -m 644 "$src/initramfs-modules" /etc/initramfs-tools/modules
install -d -m 755 /etc/default/grub.d
install -m 644 "$src/grub-defaults.cfg" /etc/default/grub.d/zstack-test-guest.cfg
update-initramfs -u -k all

case "$grub_mode" in
    install)
        grub-install --target=i386-pc --no-floppy --modules="part_msdos ext2" "$disk"
        ;;
    manual)
        # the same boot code without grub's device probing: boot.img in the MBR, core.img right behind it
        # (grub-mkimage fills in diskboot's block list itself), modules in /boot/grub/i386-pc
        install -d /boot/grub/i386-pc
        cp /usr/lib/grub/i386-pc/*.mod /usr/lib/grub/i386-pc/*.lst /boot/grub/i386-pc/
        grub-mkimage -O i386-pc -o /tmp/core.img -p '(hd0,msdos1)/boot/grub' biosdisk part_msdos ext2
        dd if=/usr/lib/grub/i386-pc/boot.img of="$disk" bs=440 count=1 conv=notrunc status=none
        dd if=/tmp/core.img of="$disk" bs=512 seek=1 conv=notrunc status=none
        rm -f /tmp/core.img
        ;;
    *)
        echo "unknown grub mode $grub_mode" >&2
        exit 2
        ;;
esac
# later grub-pc upgrades inside the guest install to its first disk
echo "grub-pc grub-pc/install_devices multiselect /dev/sda" | debconf-set-selections
update-grub
grep -q 'console=ttyS0' /boot/grub/grub.cfg

# every boot of a copy is a first boot: a new machine-id, no stale package lists
: > /etc/machine-id
rm -f /var/lib/dbus/machine-id
apt-get clean
rm -rf /var/lib/apt/lists/* /var/log/*.log /var/cache/debconf/*-old
rm -f /usr/sbin/policy-rc.d
