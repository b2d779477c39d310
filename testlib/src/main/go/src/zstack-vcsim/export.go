package main

// VirtualMachine.ExportVm: an HttpNfcLease whose device URLs serve the VM's disks, as vSphere's NFC export.
//
//   - Refused (InvalidPowerState) unless the VM is powered off.
//   - The lease starts "initializing" without info; after leaseInitMillis it is "ready" with info.deviceUrl[]:
//     key and importKey "/<vm moid>/<controller><bus>:<unit>", url https://<host>/nfc/<lease>/disk-<n>-flat.vmdk
//     (exportFormat flat: the raw disk, Range supported) or .../disk-<n>.vmdk (streamOptimized: a
//     streamOptimized VMDK made on the fly, as ESXi serves), sslThumbprint, disk=true, targetId, fileSize.
//   - HttpNfcLeaseProgress keeps it alive; without progress or transfers for leaseTimeout seconds it expires
//     (state error, fault Timedout). HttpNfcLeaseComplete makes it "done", HttpNfcLeaseAbort "error"; either
//     way its URLs answer 404 from then on.

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

type exportLease struct {
	mo.HttpNfcLease // first: the simulator's PropertyCollector reads the embedded mo type

	sim     *Sim
	vmName  string
	files   map[string]*leaseFile // by the URL's last path element
	touched int64                 // unix nanos of the last sign of life
	served  int64                 // bytes served
	closed  int32
}

type leaseFile struct {
	path     string
	capacity int64
	format   string
}

type leaseTable struct {
	mu   sync.Mutex
	seq  int
	byID map[string]*exportLease
}

func (t *leaseTable) add(l *exportLease) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byID == nil {
		t.byID = map[string]*exportLease{}
	}
	t.byID[l.Self.Value] = l
}

func (t *leaseTable) get(id string) *exportLease {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.byID[id]
}

func (t *leaseTable) next() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.seq++
	return t.seq
}

func (l *exportLease) touch() { atomic.StoreInt64(&l.touched, time.Now().UnixNano()) }

func (s *Sim) exportVm(w http.ResponseWriter, r *http.Request, m *simulator.Method) {
	req := m.Body.(*types.ExportVm)
	vm, ok := simulator.Map.Get(req.This).(*simulator.VirtualMachine)
	if !ok {
		writeFault(w, fmt.Sprintf("managed object not found: %s", req.This), &types.ManagedObjectNotFound{Obj: req.This})
		return
	}
	type diskInfo struct {
		key, path string
		capacity  int64
		ds        string
		err       error
	}
	var (
		state types.VirtualMachinePowerState
		disks []diskInfo
		name  string
	)
	simulator.Map.WithLock(vm, func() {
		name = vm.Name
		state = vm.Runtime.PowerState
		devices := vm.Config.Hardware.Device
		controllers := map[int32]types.BaseVirtualDevice{}
		for _, d := range devices {
			controllers[d.GetVirtualDevice().Key] = d
		}
		for _, d := range devices {
			disk, ok := d.(*types.VirtualDisk)
			if !ok {
				continue
			}
			info := diskInfo{capacity: diskCapacity(disk)}
			unit := int32(0)
			if disk.UnitNumber != nil {
				unit = *disk.UnitNumber
			}
			ctrl := "Controller"
			if c, ok := controllers[disk.ControllerKey]; ok {
				bus := int32(0)
				if bc, ok := c.(types.BaseVirtualController); ok {
					bus = bc.GetVirtualController().BusNumber
				}
				ctrl = fmt.Sprintf("%s%d", reflect.TypeOf(c).Elem().Name(), bus)
			}
			info.key = fmt.Sprintf("/%s/%s:%d", vm.Self.Value, ctrl, unit)
			if b, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo); ok {
				info.path, info.err = flatPath(vm, b.FileName)
				if b.Datastore != nil {
					info.ds = b.Datastore.Value
				}
			} else {
				info.err = fmt.Errorf("disk %d has no flat backing", disk.Key)
			}
			disks = append(disks, info)
		}
	})
	if state != types.VirtualMachinePowerStatePoweredOff {
		writeFault(w, fmt.Sprintf("The attempted operation cannot be performed in the current state (%s).", state),
			&types.InvalidPowerState{RequestedState: types.VirtualMachinePowerStatePoweredOff, ExistingState: state})
		return
	}
	for _, d := range disks {
		if d.err != nil {
			writeFault(w, d.err.Error(), &types.FileNotFound{})
			return
		}
	}

	host := s.fixture.NfcHost
	if host == "" {
		host = fmt.Sprintf("%s:%d", s.host, s.port)
	}
	lease := &exportLease{sim: s, vmName: name, files: map[string]*leaseFile{}}
	lease.Self = types.ManagedObjectReference{Type: "HttpNfcLease", Value: fmt.Sprintf("nfclease-%d", s.leases.next())}
	lease.Mode = string(types.HttpNfcLeaseModePushOrGet)
	lease.Capabilities = types.HttpNfcLeaseCapabilities{PullModeSupported: false, CorsSupported: false}
	lease.State = types.HttpNfcLeaseStateInitializing
	lease.touch()
	info := &types.HttpNfcLeaseInfo{Lease: lease.Self, Entity: req.This, LeaseTimeout: int32(s.fixture.LeaseTimeoutSeconds)}
	for i, d := range disks {
		file := fmt.Sprintf("disk-%d-flat.vmdk", i)
		size := d.capacity
		if s.fixture.ExportFormat == "streamOptimized" {
			file, size = fmt.Sprintf("disk-%d.vmdk", i), 0
		}
		lease.files[file] = &leaseFile{path: d.path, capacity: d.capacity, format: s.fixture.ExportFormat}
		info.TotalDiskCapacityInKB += d.capacity / 1024
		info.DeviceUrl = append(info.DeviceUrl, types.HttpNfcLeaseDeviceUrl{
			Key:           d.key,
			ImportKey:     d.key,
			Url:           fmt.Sprintf("https://%s/nfc/%s/%s", host, lease.Self.Value, file),
			SslThumbprint: s.thumbprint,
			Disk:          types.NewBool(true),
			TargetId:      file,
			DatastoreKey:  d.ds,
			FileSize:      size,
		})
	}
	simulator.Map.Put(lease)
	s.leases.add(lease)

	ready := func() {
		simulator.Map.WithLock(lease, func() {
			if lease.State != types.HttpNfcLeaseStateInitializing {
				return
			}
			simulator.Map.Update(lease, []types.PropertyChange{
				{Name: "info", Val: info},
				{Name: "initializeProgress", Val: int32(100)},
				{Name: "state", Val: types.HttpNfcLeaseStateReady},
			})
		})
		lease.touch()
	}
	if ms := *s.fixture.LeaseInitMillis; ms > 0 {
		time.AfterFunc(time.Duration(ms)*time.Millisecond, ready)
	} else {
		ready()
	}
	go lease.watch(time.Duration(s.fixture.LeaseTimeoutSeconds) * time.Second)
	logf("ExportVm %s: lease %s with %d disk(s)", name, lease.Self.Value, len(disks))
	writeResult(w, &types.ExportVmResponse{Returnval: lease.Self})
}

// watch expires the lease after timeout without a sign of life.
func (l *exportLease) watch(timeout time.Duration) {
	for atomic.LoadInt32(&l.closed) == 0 {
		time.Sleep(500 * time.Millisecond)
		if time.Since(time.Unix(0, atomic.LoadInt64(&l.touched))) > timeout {
			l.finish(types.HttpNfcLeaseStateError, &types.Timedout{}, "the lease timed out")
			return
		}
	}
}

// finish ends the lease: its URLs stop serving.
func (l *exportLease) finish(state types.HttpNfcLeaseState, fault types.BaseMethodFault, msg string) {
	if !atomic.CompareAndSwapInt32(&l.closed, 0, 1) {
		return
	}
	changes := []types.PropertyChange{{Name: "state", Val: state}}
	if fault != nil {
		changes = append(changes, types.PropertyChange{Name: "error", Val: &types.LocalizedMethodFault{Fault: fault, LocalizedMessage: msg}})
	}
	simulator.Map.WithLock(l, func() { simulator.Map.Update(l, changes) })
	logf("lease %s of %s: %s", l.Self.Value, l.vmName, state)
}

func (l *exportLease) usable() bool {
	return atomic.LoadInt32(&l.closed) == 0 && l.State == types.HttpNfcLeaseStateReady
}

// The lease's SOAP methods, dispatched by the simulator (it holds the lease's lock while they run).

func (l *exportLease) HttpNfcLeaseProgress(ctx *simulator.Context, req *types.HttpNfcLeaseProgress) soap.HasFault {
	body := &methods.HttpNfcLeaseProgressBody{}
	if atomic.LoadInt32(&l.closed) != 0 {
		body.Fault_ = simulator.Fault("the lease is no longer valid", &types.InvalidState{})
		return body
	}
	l.touch()
	simulator.Map.Update(l, []types.PropertyChange{{Name: "transferProgress", Val: req.Percent}})
	body.Res = &types.HttpNfcLeaseProgressResponse{}
	return body
}

func (l *exportLease) HttpNfcLeaseComplete(ctx *simulator.Context, req *types.HttpNfcLeaseComplete) soap.HasFault {
	body := &methods.HttpNfcLeaseCompleteBody{}
	if !l.usable() {
		body.Fault_ = simulator.Fault(fmt.Sprintf("the lease is %s", l.State), &types.InvalidState{})
		return body
	}
	atomic.StoreInt32(&l.closed, 1)
	simulator.Map.Update(l, []types.PropertyChange{{Name: "state", Val: types.HttpNfcLeaseStateDone}, {Name: "transferProgress", Val: int32(100)}})
	logf("lease %s of %s: done, %d bytes served", l.Self.Value, l.vmName, atomic.LoadInt64(&l.served))
	body.Res = &types.HttpNfcLeaseCompleteResponse{}
	return body
}

func (l *exportLease) HttpNfcLeaseAbort(ctx *simulator.Context, req *types.HttpNfcLeaseAbort) soap.HasFault {
	body := &methods.HttpNfcLeaseAbortBody{}
	if atomic.LoadInt32(&l.closed) != 0 {
		body.Fault_ = simulator.Fault(fmt.Sprintf("the lease is %s", l.State), &types.InvalidState{})
		return body
	}
	atomic.StoreInt32(&l.closed, 1)
	var fault types.BaseMethodFault = &types.RequestCanceled{}
	if req.Fault != nil && req.Fault.Fault != nil {
		fault = req.Fault.Fault
	}
	simulator.Map.Update(l, []types.PropertyChange{
		{Name: "state", Val: types.HttpNfcLeaseStateError},
		{Name: "error", Val: &types.LocalizedMethodFault{Fault: fault, LocalizedMessage: "aborted by the client"}},
	})
	logf("lease %s of %s: aborted", l.Self.Value, l.vmName)
	body.Res = &types.HttpNfcLeaseAbortResponse{}
	return body
}

// serveNFC serves /nfc/<lease>/<file> of our leases; false when the lease is not ours.
func (s *Sim) serveNFC(w http.ResponseWriter, r *http.Request) bool {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/nfc/"), "/")
	if len(parts) != 2 {
		return false
	}
	lease := s.leases.get(parts[0])
	if lease == nil {
		return false
	}
	file := lease.files[parts[1]]
	var usable bool
	simulator.Map.WithLock(lease, func() { usable = lease.usable() })
	switch {
	case file == nil || !usable:
		http.Error(w, "no such file in a ready lease", http.StatusNotFound)
		return true
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		http.Error(w, "the export lease only serves GET", http.StatusMethodNotAllowed)
		return true
	}
	lease.touch()
	f, err := os.Open(file.path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return true
	}
	defer f.Close()
	counter := &countingWriter{w: w, lease: lease, sim: s}
	w.Header().Set("Content-Type", "application/octet-stream")
	if file.format == "streamOptimized" {
		if r.Method == http.MethodHead {
			return true
		}
		w.WriteHeader(http.StatusOK)
		if err := writeStreamOptimized(counter, f, file.capacity); err != nil {
			logf("nfc %s: %v", r.URL.Path, err)
		}
		return true
	}
	http.ServeContent(counterResponse{ResponseWriter: w, c: counter}, r, "", time.Time{}, &sizedReader{f: f, size: file.capacity})
	return true
}

// countingWriter counts served bytes and keeps the lease alive while it serves.
type countingWriter struct {
	w     io.Writer
	lease *exportLease
	sim   *Sim
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	atomic.AddInt64(&c.lease.served, int64(n))
	atomic.AddInt64(&c.sim.control.nfcBytes, int64(n))
	c.lease.touch()
	return n, err
}

type counterResponse struct {
	http.ResponseWriter
	c *countingWriter
}

func (r counterResponse) Write(p []byte) (int, error) { return r.c.Write(p) }

// sizedReader reads a disk's flat file as exactly capacity bytes (zeros past the end of a shorter file).
type sizedReader struct {
	f    *os.File
	size int64
	off  int64
}

func (s *sizedReader) Read(p []byte) (int, error) {
	if s.off >= s.size {
		return 0, io.EOF
	}
	if rest := s.size - s.off; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := s.f.ReadAt(p, s.off)
	if err == io.EOF {
		for i := n; i < len(p); i++ {
			p[i] = 0
		}
		n, err = len(p), nil
	}
	s.off += int64(n)
	return n, err
}

func (s *sizedReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += s.off
	case io.SeekEnd:
		offset += s.size
	}
	if offset < 0 {
		return 0, fmt.Errorf("negative offset")
	}
	s.off = offset
	return offset, nil
}
