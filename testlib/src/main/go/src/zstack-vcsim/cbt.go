package main

// Changed block tracking, as vSphere offers it to backup and migration tools:
//
//   - A snapshot of a VM whose config.changeTrackingEnabled is true gets, on each of its disks
//     (snapshot.config.hardware.device[].backing.changeId), a changeId "52 xx .. xx-xx .. xx/<n>" naming the
//     disk's content at that moment; the VM's live disks carry the latest one.
//   - VirtualMachine.QueryChangedDiskAreas(snapshot, deviceKey, startOffset, changeId) answers a DiskChangeInfo:
//     with changeId "*", the disk's allocated areas (a thin disk: the blocks holding data; a thick one: all);
//     with a changeId, the blocks whose content differs between that changeId and the snapshot.
//
// The simulator's snapshots share the live disk (no delta files), so the simulator remembers each changeId's
// content as one checksum per block (cbtBlockSize, 64 KiB by default) and compares checksums. Whatever changed
// the file (a test writing it directly, the write control, a datastore upload) shows up as changed blocks.

import (
	"crypto/sha1"
	"fmt"
	"hash/crc32"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

type cbtTracker struct {
	mu        sync.Mutex
	blockSize int64
	seq       map[string]int                                    // per disk tracking id: the last changeId's number
	states    map[string]*diskState                             // per changeId
	snaps     map[types.ManagedObjectReference]map[int32]string // snapshot -> device key -> changeId
}

// diskState is a disk's content at one changeId: a checksum per block, and which blocks hold data.
type diskState struct {
	trackingId string
	capacity   int64
	thin       bool
	sums       []uint64
	alloc      []bool
}

var cbt *cbtTracker

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// registryHook follows the simulator's registry: it stamps changeIds on new snapshots and unlinks removed VMs.
type registryHook struct{ sim *Sim }

func (h *registryHook) Reference() types.ManagedObjectReference {
	return types.ManagedObjectReference{Type: "ZStackSimulatorHook", Value: "zstack-hook"}
}

func (h *registryHook) PutObject(obj mo.Reference) {
	if snap, ok := obj.(*simulator.VirtualMachineSnapshot); ok {
		h.sim.stampSnapshot(snap)
	}
}

func (h *registryHook) UpdateObject(mo.Reference, []types.PropertyChange) {}

func (h *registryHook) RemoveObject(ref types.ManagedObjectReference) {
	switch ref.Type {
	case "VirtualMachine":
		unlinkVM(ref)
	case "VirtualMachineSnapshot":
		cbt.mu.Lock()
		delete(cbt.snaps, ref) // its changeIds stay valid, as vSphere's do after the snapshot is gone
		cbt.mu.Unlock()
	}
}

func installCBT(s *Sim) {
	cbt = &cbtTracker{
		blockSize: s.fixture.CbtBlockSize,
		seq:       map[string]int{},
		states:    map[string]*diskState{},
		snaps:     map[types.ManagedObjectReference]map[int32]string{},
	}
	simulator.Map.AddHandler(&registryHook{sim: s})
}

// trackingId is a disk's change tracking id, the part of its changeIds before the slash.
func trackingId(vm *simulator.VirtualMachine, key int32) string {
	sum := sha1.Sum([]byte(fmt.Sprintf("cbt:%s:%s:%d", vm.Self.Value, vm.Config.InstanceUuid, key)))
	sum[0] = 0x52
	parts := make([]string, 16)
	for i := 0; i < 16; i++ {
		parts[i] = fmt.Sprintf("%02x", sum[i])
	}
	return strings.Join(parts[:8], " ") + "-" + strings.Join(parts[8:], " ")
}

func cbtEnabled(vm *simulator.VirtualMachine) bool {
	return vm.Config != nil && vm.Config.ChangeTrackingEnabled != nil && *vm.Config.ChangeTrackingEnabled
}

// stampSnapshot runs inside CreateSnapshot_Task, while the simulator holds the VM's lock.
func (s *Sim) stampSnapshot(snap *simulator.VirtualMachineSnapshot) {
	vm, ok := simulator.Map.Get(snap.Vm).(*simulator.VirtualMachine)
	if !ok || !cbtEnabled(vm) {
		return
	}
	// the simulator's snapshot config shares the VM's device objects: give the snapshot copies of its disks
	devices := make([]types.BaseVirtualDevice, len(snap.Config.Hardware.Device))
	stamped := map[int32]string{}
	for i, d := range snap.Config.Hardware.Device {
		devices[i] = d
		disk, ok := d.(*types.VirtualDisk)
		if !ok {
			continue
		}
		backing, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo)
		if !ok {
			continue
		}
		path, err := flatPath(vm, backing.FileName)
		if err != nil {
			logf("cbt: %s disk %d: %v", vm.Name, disk.Key, err)
			continue
		}
		id := trackingId(vm, disk.Key)
		state, err := measure(path, diskCapacity(disk), backing.ThinProvisioned == nil || *backing.ThinProvisioned)
		if err != nil {
			logf("cbt: %s disk %d: %v", vm.Name, disk.Key, err)
			continue
		}
		state.trackingId = id
		cbt.mu.Lock()
		cbt.seq[id]++
		changeId := fmt.Sprintf("%s/%d", id, cbt.seq[id])
		cbt.states[changeId] = state
		cbt.mu.Unlock()

		diskCopy := *disk
		backingCopy := *backing
		backingCopy.ChangeId = changeId
		diskCopy.Backing = &backingCopy
		devices[i] = &diskCopy
		backing.ChangeId = changeId // the live disk's latest changeId
		stamped[disk.Key] = changeId
	}
	snap.Config.Hardware.Device = devices
	cbt.mu.Lock()
	cbt.snaps[snap.Self] = stamped
	cbt.mu.Unlock()
}

func diskCapacity(disk *types.VirtualDisk) int64 {
	if disk.CapacityInBytes > 0 {
		return disk.CapacityInBytes
	}
	return disk.CapacityInKB * 1024
}

// flatPath maps a disk's "[datastore] dir/disk.vmdk" to its flat extent on this machine.
func flatPath(vm *simulator.VirtualMachine, fileName string) (string, error) {
	var p struct{ ds, rel string }
	if !strings.HasPrefix(fileName, "[") || !strings.Contains(fileName, "]") {
		return "", fmt.Errorf("not a datastore path: %s", fileName)
	}
	end := strings.Index(fileName, "]")
	p.ds, p.rel = fileName[1:end], strings.TrimSpace(fileName[end+1:])
	dir := ""
	for _, ref := range vm.Datastore {
		if ds, ok := simulator.Map.Get(ref).(*simulator.Datastore); ok && ds.Name == p.ds {
			dir = ds.Info.GetDatastoreInfo().Url
		}
	}
	if dir == "" {
		for _, e := range simulator.Map.All("Datastore") {
			if ds := e.(*simulator.Datastore); ds.Name == p.ds {
				dir = ds.Info.GetDatastoreInfo().Url
			}
		}
	}
	if dir == "" {
		return "", fmt.Errorf("no datastore %s", p.ds)
	}
	return filepath.Join(dir, strings.TrimSuffix(p.rel, ".vmdk")+"-flat.vmdk"), nil
}

// measure checksums every block of the disk that holds data.
func measure(path string, capacity int64, thin bool) (*diskState, error) {
	bs := cbt.blockSize
	n := (capacity + bs - 1) / bs
	st := &diskState{capacity: capacity, thin: thin, sums: make([]uint64, n), alloc: make([]bool, n)}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	if size > capacity {
		size = capacity
	}
	extents, err := dataExtents(f, size)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, bs)
	for _, e := range extents {
		for b := e.start / bs; b <= (e.start+e.length-1)/bs && b < n; b++ {
			if st.alloc[b] {
				continue
			}
			got, err := f.ReadAt(buf, b*bs)
			if err != nil && err != io.EOF {
				return nil, err
			}
			for i := got; i < len(buf); i++ {
				buf[i] = 0
			}
			st.alloc[b] = true
			st.sums[b] = uint64(crc32.Checksum(buf, castagnoli))<<32 | uint64(crc32.ChecksumIEEE(buf))
		}
	}
	return st, nil
}

// areas lists, from startOffset on for length bytes, the blocks for which pick says yes, merged into extents.
func areas(st *diskState, startOffset, length int64, pick func(b int64) bool) []types.DiskChangeExtent {
	bs := cbt.blockSize
	end := startOffset + length
	var out []types.DiskChangeExtent
	for b := startOffset / bs; b*bs < end; b++ {
		if !pick(b) {
			continue
		}
		start, stop := b*bs, (b+1)*bs
		if start < startOffset {
			start = startOffset
		}
		if stop > end {
			stop = end
		}
		if k := len(out); k > 0 && out[k-1].Start+out[k-1].Length == start {
			out[k-1].Length += stop - start
		} else {
			out = append(out, types.DiskChangeExtent{Start: start, Length: stop - start})
		}
	}
	return out
}

func (s *Sim) queryChangedDiskAreas(w http.ResponseWriter, r *http.Request, m *simulator.Method) {
	req := m.Body.(*types.QueryChangedDiskAreas)
	vm, ok := simulator.Map.Get(req.This).(*simulator.VirtualMachine)
	if !ok {
		writeFault(w, fmt.Sprintf("managed object not found: %s", req.This), &types.ManagedObjectNotFound{Obj: req.This})
		return
	}
	var (
		enabled  bool
		disk     *types.VirtualDisk
		fileName string
		thin     bool
		path     string
		pathErr  error
		id       string
		snapOK   = true
	)
	simulator.Map.WithLock(vm, func() {
		enabled = cbtEnabled(vm)
		devices := vm.Config.Hardware.Device
		if req.Snapshot != nil {
			snap, ok := simulator.Map.Get(*req.Snapshot).(*simulator.VirtualMachineSnapshot)
			if !ok || snap.Vm != vm.Self {
				snapOK = false
				return
			}
			devices = snap.Config.Hardware.Device
		}
		for _, d := range devices {
			if x, ok := d.(*types.VirtualDisk); ok && x.Key == req.DeviceKey {
				copied := *x
				disk = &copied
				if b, ok := x.Backing.(*types.VirtualDiskFlatVer2BackingInfo); ok {
					fileName = b.FileName
					thin = b.ThinProvisioned == nil || *b.ThinProvisioned
					path, pathErr = flatPath(vm, b.FileName)
				}
				id = trackingId(vm, x.Key)
			}
		}
	})
	switch {
	case !snapOK:
		writeFault(w, fmt.Sprintf("managed object not found: %s", *req.Snapshot), &types.ManagedObjectNotFound{Obj: *req.Snapshot})
		return
	case disk == nil:
		writeFault(w, fmt.Sprintf("no disk with device key %d", req.DeviceKey), &types.InvalidArgument{InvalidProperty: "deviceKey"})
		return
	case fileName == "" || pathErr != nil:
		writeFault(w, fmt.Sprintf("disk %d has no flat backing: %v", req.DeviceKey, pathErr), &types.NotSupported{})
		return
	case !enabled:
		writeFault(w, fmt.Sprintf("Error caused by file %s: changed block tracking is not enabled on %s", fileName, vm.Name),
			&types.FileFault{File: fileName})
		return
	}
	capacity := diskCapacity(disk)
	if req.StartOffset < 0 || req.StartOffset > capacity {
		writeFault(w, fmt.Sprintf("startOffset %d is outside the disk (%d bytes)", req.StartOffset, capacity),
			&types.InvalidArgument{InvalidProperty: "startOffset"})
		return
	}

	var target *diskState
	if req.Snapshot != nil {
		cbt.mu.Lock()
		target = cbt.states[cbt.snaps[*req.Snapshot][req.DeviceKey]]
		cbt.mu.Unlock()
		if target == nil {
			writeFault(w, fmt.Sprintf("Error caused by file %s: the snapshot was taken while changed block tracking was off", fileName),
				&types.FileFault{File: fileName})
			return
		}
	} else {
		var err error
		if target, err = measure(path, capacity, thin); err != nil {
			writeFault(w, err.Error(), &types.FileFault{File: fileName})
			return
		}
	}

	length := capacity - req.StartOffset
	if max := s.fixture.CbtMaxBytesPerQuery; max > 0 && length > max {
		length = max
	}
	info := types.DiskChangeInfo{StartOffset: req.StartOffset, Length: length}
	if req.ChangeId == "*" {
		if target.thin {
			info.ChangedArea = areas(target, req.StartOffset, length, func(b int64) bool { return target.alloc[b] })
		} else if length > 0 {
			info.ChangedArea = []types.DiskChangeExtent{{Start: req.StartOffset, Length: length}}
		}
	} else {
		cbt.mu.Lock()
		base := cbt.states[req.ChangeId]
		cbt.mu.Unlock()
		if base == nil || !strings.HasPrefix(req.ChangeId, id+"/") {
			writeFault(w, fmt.Sprintf("Error caused by file %s: unknown changeId %q", fileName, req.ChangeId),
				&types.FileFault{File: fileName})
			return
		}
		info.ChangedArea = areas(target, req.StartOffset, length, func(b int64) bool {
			if b >= int64(len(base.sums)) {
				return true // the disk grew
			}
			return base.alloc[b] != target.alloc[b] || base.sums[b] != target.sums[b]
		})
	}
	writeResult(w, &types.QueryChangedDiskAreasResponse{Returnval: info})
}
