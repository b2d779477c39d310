package main

import (
	"context"
	"crypto/sha1"
	"fmt"
	"strings"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// generatedVM is the spec of the i-th generated VM of a datacenter (global: its index over all datacenters).
func (s *Sim) generatedVM(dc *dcInfo, i, global int) VMSpec {
	d := s.fixture.VMDefaults
	v := VMSpec{
		Name:           fmt.Sprintf("%s_VM%d", dc.spec.Name, i),
		Datacenter:     dc.spec.Name,
		GuestId:        d.GuestId.pick(global, "otherGuest64"),
		Firmware:       d.Firmware.pick(global, "bios"),
		PowerState:     d.PowerState.pick(global, "poweredOn"),
		Cpu:            d.Cpu,
		CoresPerSocket: d.CoresPerSocket,
		MemoryMB:       d.MemoryMB,
		Cbt:            d.Cbt,
		ScsiController: d.ScsiController,
		generated:      true,
	}
	disks := 1
	if d.Disks != nil {
		disks = *d.Disks
	}
	capacity := d.DiskCapacityMB
	if capacity <= 0 {
		capacity = 16
	}
	for k := 0; k < disks; k++ {
		v.Disks = append(v.Disks, DiskSpec{CapacityMB: capacity, Thin: d.Thin})
	}
	nics := 1
	if d.Nics != nil {
		nics = *d.Nics
	}
	for k := 0; k < nics && len(dc.netOrder) > 0; k++ {
		v.Nics = append(v.Nics, NicSpec{
			Network: dc.netOrder[(i+k)%len(dc.netOrder)],
			Type:    d.NicType.pick(global+k, "vmxnet3"),
		})
	}
	return v
}

// newMac is a distinct deterministic MAC in VMware's range for static addresses, 00:50:56:00:00:00-3F:FF:FF.
func (s *Sim) newMac() string {
	for {
		s.nextMac++
		n := s.nextMac
		mac := fmt.Sprintf("00:50:56:%02x:%02x:%02x", (n>>16)&0x3f, (n>>8)&0xff, n&0xff)
		if !s.usedMac[mac] {
			s.usedMac[mac] = true
			return mac
		}
	}
}

// stableUUID formats a deterministic uuid derived from seed; prefix replaces its first hex digits the way
// vSphere's uuids look (instance uuids 50..., BIOS uuids 42..., disk uuids 6000C29...).
func stableUUID(prefix, seed string) string {
	sum := sha1.Sum([]byte(seed))
	hex := fmt.Sprintf("%x", sum[:16])
	hex = prefix + hex[len(prefix):]
	return fmt.Sprintf("%s-%s-%s-%s-%s", hex[0:8], hex[8:12], hex[12:16], hex[16:20], hex[20:32])
}

func (s *Sim) createVM(ctx context.Context, dc *dcInfo, v *VMSpec, h *hostInfo) error {
	fail := func(err error) error { return fmt.Errorf("VM %s: %v", v.Name, err) }
	ds, err := dc.datastore(v.Datastore)
	if err != nil {
		return fail(err)
	}
	firmware, err := normalizeFirmware(v.Firmware)
	if err != nil {
		return fail(err)
	}
	if v.GuestId == "" {
		v.GuestId = "otherGuest64"
	}
	if v.Cpu <= 0 {
		v.Cpu = 1
	}
	if v.CoresPerSocket <= 0 {
		v.CoresPerSocket = 1
	}
	if v.MemoryMB <= 0 {
		v.MemoryMB = 1024
	}
	if v.InstanceUuid == "" {
		v.InstanceUuid = stableUUID("50", "instance:"+v.Name)
	}
	if v.Uuid == "" {
		v.Uuid = stableUUID("42", "bios:"+v.Name)
	}
	if v.PowerState == "" {
		v.PowerState = "poweredOn"
	}
	switch v.PowerState {
	case "poweredOn", "poweredOff", "suspended":
	default:
		return fail(fmt.Errorf("powerState must be poweredOn, poweredOff or suspended, not %q", v.PowerState))
	}
	if v.Template && v.PowerState != "poweredOff" {
		if v.generated {
			v.PowerState = "poweredOff"
		} else {
			return fail(fmt.Errorf("a template is powered off"))
		}
	}
	ctrlType := v.ScsiController
	if ctrlType == "" {
		ctrlType = "pvscsi"
	}

	devices := object.VirtualDeviceList{}
	ctrl, err := devices.CreateSCSIController(ctrlType)
	if err != nil {
		return fail(err)
	}
	// keys and labels as vSphere numbers them: SCSI controller 0 is 1000, disks 2000+, NICs 4000+
	scsi := ctrl.(types.BaseVirtualSCSIController).GetVirtualSCSIController()
	scsi.Key = 1000
	scsi.DeviceInfo = &types.Description{Label: "SCSI controller 0", Summary: ctrlType}
	devices = append(devices, ctrl)
	for k := range v.Disks {
		d := &v.Disks[k]
		if d.Name == "" {
			d.Name = v.Name
			if k > 0 {
				d.Name = fmt.Sprintf("%s_%d", v.Name, k)
			}
		}
		dds, err := dc.datastore(d.Datastore)
		if err != nil {
			return fail(err)
		}
		if d.Uuid == "" {
			d.Uuid = stableUUID("6000C29", fmt.Sprintf("disk:%s:%d", v.Name, k))
		}
		thin := d.Thin == nil || *d.Thin
		capacity, err := placeDisk(dds.dir, v.Name, d, thin)
		if err != nil {
			return fail(fmt.Errorf("disk %s: %v", d.Name, err))
		}
		if len(devices.SelectByType((*types.VirtualDisk)(nil))) >= 15 {
			return fail(fmt.Errorf("at most 15 disks"))
		}
		disk := devices.CreateDisk(ctrl.(types.BaseVirtualController), dds.ref,
			fmt.Sprintf("[%s] %s/%s.vmdk", dds.name, v.Name, d.Name))
		disk.Key = int32(2000 + k)
		disk.DeviceInfo = &types.Description{Label: fmt.Sprintf("Hard disk %d", k+1), Summary: fmt.Sprintf("%d KB", capacity/1024)}
		disk.CapacityInBytes = capacity
		disk.CapacityInKB = capacity / 1024
		b := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
		b.ThinProvisioned = types.NewBool(thin)
		b.EagerlyScrub = types.NewBool(false)
		b.Uuid = d.Uuid
		b.DiskMode = string(types.VirtualDiskModePersistent)
		if d.Mode != "" {
			b.DiskMode = d.Mode
		}
		devices = append(devices, disk)
	}
	for k := range v.Nics {
		n := &v.Nics[k]
		net, ok := dc.networks[n.Network]
		if !ok {
			return fail(fmt.Errorf("NIC %d: datacenter %s has no portgroup %q", k, dc.spec.Name, n.Network))
		}
		var backing types.BaseVirtualDeviceBackingInfo
		if net.distributed {
			backing = &types.VirtualEthernetCardDistributedVirtualPortBackingInfo{
				Port: types.DistributedVirtualSwitchPortConnection{SwitchUuid: net.switchUuid, PortgroupKey: net.key},
			}
		} else {
			ref := net.ref
			backing = &types.VirtualEthernetCardNetworkBackingInfo{
				VirtualDeviceDeviceBackingInfo: types.VirtualDeviceDeviceBackingInfo{DeviceName: net.name},
				Network:                        &ref,
			}
		}
		if n.Type == "" {
			n.Type = "vmxnet3"
		}
		card, err := devices.CreateEthernetCard(n.Type, backing)
		if err != nil {
			return fail(fmt.Errorf("NIC %d: %v", k, err))
		}
		if n.Mac == "" {
			n.Mac = s.newMac()
		}
		n.Mac = strings.ToLower(n.Mac)
		c := card.(types.BaseVirtualEthernetCard).GetVirtualEthernetCard()
		c.Key = int32(4000 + k)
		c.DeviceInfo = &types.Description{Label: fmt.Sprintf("Network adapter %d", k+1), Summary: net.name}
		c.MacAddress = n.Mac
		c.AddressType = string(types.VirtualEthernetCardMacTypeManual)
		c.WakeOnLanEnabled = types.NewBool(true)
		devices = append(devices, card)
	}

	spec := types.VirtualMachineConfigSpec{
		Name:                  v.Name,
		GuestId:               v.GuestId,
		Firmware:              firmware,
		NumCPUs:               int32(v.Cpu),
		NumCoresPerSocket:     int32(v.CoresPerSocket),
		MemoryMB:              int64(v.MemoryMB),
		InstanceUuid:          v.InstanceUuid,
		Uuid:                  v.Uuid,
		Annotation:            v.Annotation,
		Version:               v.Version,
		ChangeTrackingEnabled: types.NewBool(v.Cbt),
		Files:                 &types.VirtualMachineFileInfo{VmPathName: fmt.Sprintf("[%s] %s/%s.vmx", ds.name, v.Name, v.Name)},
	}
	if spec.DeviceChange, err = devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd); err != nil {
		return fail(err)
	}
	for _, change := range spec.DeviceChange {
		if c := change.GetVirtualDeviceConfigSpec(); c.FileOperation != "" {
			c.FileOperation = "" // attach the disk files placed above instead of creating empty ones
		}
	}
	folder, err := s.vmFolder(ctx, dc, v.Folder)
	if err != nil {
		return fail(err)
	}
	task, err := folder.CreateVM(ctx, spec, h.pool, h.host)
	if err != nil {
		return fail(err)
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		return fail(err)
	}
	vm := object.NewVirtualMachine(s.client, info.Result.(types.ManagedObjectReference))

	if v.PowerState != "poweredOff" {
		if err := waitTask(ctx, vm.PowerOn); err != nil {
			return fail(fmt.Errorf("power on: %v", err))
		}
	}
	if v.PowerState == "suspended" {
		if err := waitTask(ctx, vm.Suspend); err != nil {
			return fail(fmt.Errorf("suspend: %v", err))
		}
	}
	if v.Template {
		if err := vm.MarkAsTemplate(ctx); err != nil {
			return fail(fmt.Errorf("mark as template: %v", err))
		}
	}
	s.setGuestInfo(vm.Reference(), v)
	return nil
}

func waitTask(ctx context.Context, start func(context.Context) (*object.Task, error)) error {
	task, err := start(ctx)
	if err != nil {
		return err
	}
	return task.Wait(ctx)
}

// setGuestInfo sets what VMware Tools would report: the guest's host name and its NICs' addresses.
func (s *Sim) setGuestInfo(ref types.ManagedObjectReference, v *VMSpec) {
	vm := simulator.Map.Get(ref).(*simulator.VirtualMachine)
	simulator.Map.WithLock(vm, func() {
		if vm.Guest == nil {
			vm.Guest = &types.GuestInfo{}
		}
		vm.Guest.GuestId = v.GuestId
		if full, ok := guestFullNames[v.GuestId]; ok {
			vm.Config.GuestFullName = full
			vm.Guest.GuestFullName = full
			vm.Summary.Config.GuestFullName = full
			if vm.Summary.Guest != nil {
				vm.Summary.Guest.GuestFullName = full
			}
		}
		if v.HostName != "" {
			vm.Guest.HostName = v.HostName
			if vm.Summary.Guest != nil {
				vm.Summary.Guest.HostName = v.HostName
			}
		}
		for _, n := range v.Nics {
			if len(n.Ips) == 0 {
				continue
			}
			for i := range vm.Guest.Net {
				if strings.EqualFold(vm.Guest.Net[i].MacAddress, n.Mac) {
					vm.Guest.Net[i].IpAddress = append([]string(nil), n.Ips...)
				}
			}
			if vm.Guest.IpAddress == "" {
				vm.Guest.IpAddress = n.Ips[0]
				if vm.Summary.Guest != nil {
					vm.Summary.Guest.IpAddress = n.Ips[0]
				}
			}
		}
	})
}

// guestFullNames: vSphere's display names of common guest ids (the simulator repeats the id).
var guestFullNames = map[string]string{
	"otherGuest":             "Other (32-bit)",
	"otherGuest64":           "Other (64-bit)",
	"otherLinux64Guest":      "Other Linux (64-bit)",
	"other3xLinux64Guest":    "Other 3.x Linux (64-bit)",
	"other4xLinux64Guest":    "Other 4.x or later Linux (64-bit)",
	"debian9_64Guest":        "Debian GNU/Linux 9 (64-bit)",
	"debian10_64Guest":       "Debian GNU/Linux 10 (64-bit)",
	"debian11_64Guest":       "Debian GNU/Linux 11 (64-bit)",
	"ubuntu64Guest":          "Ubuntu Linux (64-bit)",
	"centos7_64Guest":        "CentOS 7 (64-bit)",
	"centos8_64Guest":        "CentOS 8 (64-bit)",
	"rhel6_64Guest":          "Red Hat Enterprise Linux 6 (64-bit)",
	"rhel7_64Guest":          "Red Hat Enterprise Linux 7 (64-bit)",
	"rhel8_64Guest":          "Red Hat Enterprise Linux 8 (64-bit)",
	"sles12_64Guest":         "SUSE Linux Enterprise 12 (64-bit)",
	"sles15_64Guest":         "SUSE Linux Enterprise 15 (64-bit)",
	"windows7_64Guest":       "Microsoft Windows 7 (64-bit)",
	"windows9_64Guest":       "Microsoft Windows 10 (64-bit)",
	"windows8Server64Guest":  "Microsoft Windows Server 2012 (64-bit)",
	"windows9Server64Guest":  "Microsoft Windows Server 2016 or later (64-bit)",
	"windows2019srv_64Guest": "Microsoft Windows Server 2019 (64-bit)",
	"windows7Server64Guest":  "Microsoft Windows Server 2008 R2 (64-bit)",
}
