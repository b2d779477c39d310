package main

// The front handler, and the side endpoint through which a test inspects and controls the simulator.
// Control requests need no session; they are never paused or delayed.
//
//	GET  /zstack-sim/                            this list
//	GET  /zstack-sim/inventory                   everything the simulator holds, as JSON (see inventory.go)
//	GET  /zstack-sim/vm/{name}                   one VM, as in the inventory ({name}: a VM's name or moref)
//	POST /zstack-sim/vm/{name}/power-off         also power-on, suspend, reset, shutdown-guest
//	POST /zstack-sim/vm/{name}/destroy           powers the VM off first if needed, then deletes it and its files
//	POST /zstack-sim/vm/{name}/rename?to=n       renames the VM (vSphere's Rename_Task)
//	POST /zstack-sim/vm/{name}/snapshot?name=s   creates a snapshot; answers {"snapshot": moid, "changeIds": {key: id}}
//	POST /zstack-sim/vm/{name}/disk/{n}/write?offset=N   writes the body into disk n (0-based) at offset N
//	POST /zstack-sim/pause?mode=hang&after=N     stop answering (after N more requests): hang (default, the
//	                                             request waits until resume or the client gives up),
//	                                             error (HTTP 503) or close (the connection is dropped)
//	POST /zstack-sim/resume                      answer again; hung requests go on
//	POST /zstack-sim/delay?ms=N                  delay every request by N ms (0: no delay)
//	POST /zstack-sim/host/{name}/readd[?vms=new] the host removed and added back: a new moref (see remoref.go)
//	POST /zstack-sim/shift-morefs?kind=K,...     the morefs of each kind rotate among its objects (remoref.go)
//	GET  /zstack-sim/stats                       SOAP calls by method, datastore and NFC traffic
//	POST /zstack-sim/stats/reset
//	POST /zstack-sim/shutdown                    exit (removing the work directory if the simulator made it)

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

const controlPrefix = "/zstack-sim/"

type controlState struct {
	mu         sync.Mutex
	paused     bool
	mode       string
	after      int           // requests still answered before the pause takes effect
	resumed    chan struct{} // closed on resume
	delay      time.Duration
	calls      map[string]int
	requests   int64
	folderGets int64
	nfcBytes   int64
	stop       chan string
}

func logf(format string, args ...interface{}) { log.Printf(format, args...) }

func (s *Sim) shutdown() chan string {
	s.control.mu.Lock()
	defer s.control.mu.Unlock()
	if s.control.stop == nil {
		s.control.stop = make(chan string, 1)
	}
	return s.control.stop
}

func (s *Sim) summary() string {
	c := map[string]int{}
	for _, kind := range []string{"Datacenter", "ClusterComputeResource", "HostSystem", "VirtualMachine", "Datastore", "DistributedVirtualPortgroup", "Network"} {
		c[kind] = len(simulator.Map.All(kind))
	}
	return fmt.Sprintf("%d datacenters, %d clusters, %d hosts, %d VMs, %d datastores, %d distributed portgroups, %d networks",
		c["Datacenter"], c["ClusterComputeResource"], c["HostSystem"], c["VirtualMachine"], c["Datastore"],
		c["DistributedVirtualPortgroup"], c["Network"])
}

// ServeHTTP is the front handler of every request.
func (s *Sim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, controlPrefix) || r.URL.Path == strings.TrimSuffix(controlPrefix, "/") {
		s.serveControl(w, r)
		return
	}
	if !s.admit(w, r) {
		return
	}
	atomic.AddInt64(&s.control.requests, 1)
	path := r.URL.Path
	switch {
	case r.Method == http.MethodPost && (path == "/sdk" || strings.HasPrefix(path, "/sdk/")):
		body, err := readBody(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		name := soapMethod(body)
		s.control.mu.Lock()
		if s.control.calls == nil {
			s.control.calls = map[string]int{}
		}
		s.control.calls[name]++
		s.control.mu.Unlock()
		if _, ok := ourMethods[name]; ok {
			s.serveOurSOAP(w, r, name, body)
			return
		}
	case strings.HasPrefix(path, "/nfc/"):
		if s.serveNFC(w, r) {
			return
		}
	case strings.HasPrefix(path, "/folder/"):
		atomic.AddInt64(&s.control.folderGets, 1)
		if !s.fixture.NoDatastoreAuth && !s.datastoreAuthorized(r) {
			w.Header().Set("WWW-Authenticate", `Basic realm="VMware HTTP server"`)
			http.Error(w, "a session cookie (vmware_soap_session) or basic authentication is needed", http.StatusUnauthorized)
			return
		}
	}
	s.inner.ServeHTTP(w, r)
}

// datastoreAuthorized: like vCenter's /folder, a live session cookie or basic authentication of the user.
func (s *Sim) datastoreAuthorized(r *http.Request) bool {
	if user, pass, ok := r.BasicAuth(); ok {
		return user == s.fixture.Username && pass == s.fixture.Password
	}
	return s.authenticated(r)
}

// admit applies the pause and the delay; false when the request must get no (normal) answer.
func (s *Sim) admit(w http.ResponseWriter, r *http.Request) bool {
	c := &s.control
	c.mu.Lock()
	delay := c.delay
	paused, mode, resumed := false, "", c.resumed
	if c.paused {
		if c.after > 0 {
			c.after--
		} else {
			paused, mode = true, c.mode
		}
	}
	c.mu.Unlock()
	if paused {
		switch mode {
		case "error":
			http.Error(w, "vCenter unavailable (paused by the test)", http.StatusServiceUnavailable)
			return false
		case "close":
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					_ = conn.Close()
					return false
				}
			}
			panic(http.ErrAbortHandler)
		default: // hang
			select {
			case <-resumed:
			case <-r.Context().Done():
				return false
			}
		}
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return false
		}
	}
	return true
}

func (s *Sim) pause(mode string, after int) {
	c := &s.control
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.paused {
		c.resumed = make(chan struct{})
	}
	c.paused, c.mode, c.after = true, mode, after
}

func (s *Sim) resumeAll() {
	c := &s.control
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.paused {
		close(c.resumed)
	}
	c.paused = false
}

func writeJSON(w http.ResponseWriter, status int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func jsonError(w http.ResponseWriter, status int, format string, args ...interface{}) {
	writeJSON(w, status, map[string]string{"error": fmt.Sprintf(format, args...)})
}

func (s *Sim) serveControl(w http.ResponseWriter, r *http.Request) {
	path := strings.Trim(strings.TrimPrefix(r.URL.Path, strings.TrimSuffix(controlPrefix, "/")), "/")
	parts := strings.Split(path, "/")
	q := r.URL.Query()
	post := r.Method == http.MethodPost
	switch {
	case path == "" && r.Method == http.MethodGet:
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, controlHelp)
	case path == "inventory" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, s.inventory())
	case path == "stats" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, s.stats())
	case path == "stats/reset" && post:
		s.control.mu.Lock()
		s.control.calls = map[string]int{}
		s.control.mu.Unlock()
		atomic.StoreInt64(&s.control.requests, 0)
		atomic.StoreInt64(&s.control.folderGets, 0)
		atomic.StoreInt64(&s.control.nfcBytes, 0)
		writeJSON(w, http.StatusOK, s.stats())
	case path == "pause" && post:
		mode := q.Get("mode")
		if mode == "" {
			mode = "hang"
		}
		if mode != "hang" && mode != "error" && mode != "close" {
			jsonError(w, http.StatusBadRequest, "mode must be hang, error or close")
			return
		}
		after, _ := strconv.Atoi(q.Get("after"))
		s.pause(mode, after)
		logf("paused (%s after %d requests)", mode, after)
		writeJSON(w, http.StatusOK, map[string]interface{}{"paused": true, "mode": mode, "after": after})
	case path == "resume" && post:
		s.resumeAll()
		logf("resumed")
		writeJSON(w, http.StatusOK, map[string]interface{}{"paused": false})
	case path == "delay" && post:
		ms, err := strconv.Atoi(q.Get("ms"))
		if err != nil || ms < 0 {
			jsonError(w, http.StatusBadRequest, "ms must be a number of milliseconds")
			return
		}
		s.control.mu.Lock()
		s.control.delay = time.Duration(ms) * time.Millisecond
		s.control.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]interface{}{"delayMillis": ms})
	case path == "shutdown" && post:
		writeJSON(w, http.StatusOK, map[string]interface{}{"stopping": true})
		go func() {
			time.Sleep(50 * time.Millisecond)
			s.shutdown() <- "POST /zstack-sim/shutdown"
		}()
	case len(parts) == 3 && parts[0] == "host" && parts[2] == "readd" && post:
		s.serveReadd(w, r, parts[1])
	case path == "shift-morefs" && post:
		s.serveShiftMorefs(w, r)
	case len(parts) >= 2 && parts[0] == "vm":
		s.serveVMControl(w, r, parts[1], parts[2:])
	default:
		jsonError(w, http.StatusNotFound, "no control %s %s; GET %s lists them", r.Method, r.URL.Path, controlPrefix)
	}
}

const controlHelp = `GET  /zstack-sim/inventory
GET  /zstack-sim/vm/{name}
POST /zstack-sim/vm/{name}/power-off | power-on | suspend | reset | shutdown-guest | destroy
POST /zstack-sim/vm/{name}/rename?to=n
POST /zstack-sim/vm/{name}/snapshot?name=s
POST /zstack-sim/vm/{name}/disk/{n}/write?offset=N   (body: the bytes)
POST /zstack-sim/pause?mode=hang|error|close&after=N
POST /zstack-sim/resume
POST /zstack-sim/delay?ms=N
POST /zstack-sim/host/{name}/readd[?vms=new]
POST /zstack-sim/shift-morefs?kind=HostSystem,VirtualMachine,...
GET  /zstack-sim/stats
POST /zstack-sim/stats/reset
POST /zstack-sim/shutdown
`

// findVM: the VM of that name (the lowest moref if several have it), else the VM of that moref.
func findVM(name string) *simulator.VirtualMachine {
	var found *simulator.VirtualMachine
	for _, e := range simulator.Map.All("VirtualMachine") {
		vm := e.(*simulator.VirtualMachine)
		var n string
		simulator.Map.WithLock(vm, func() { n = vm.Name })
		if n == name && (found == nil || vm.Self.Value < found.Self.Value) {
			found = vm
		}
	}
	if found == nil {
		found, _ = simulator.Map.Get(types.ManagedObjectReference{Type: "VirtualMachine", Value: name}).(*simulator.VirtualMachine)
	}
	return found
}

func (s *Sim) serveVMControl(w http.ResponseWriter, r *http.Request, name string, rest []string) {
	vm := findVM(name)
	if vm == nil {
		jsonError(w, http.StatusNotFound, "no VM %s", name)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ovm := object.NewVirtualMachine(s.client, vm.Reference())
	action := strings.Join(rest, "/")
	if action == "" && r.Method == http.MethodGet {
		writeJSON(w, http.StatusOK, s.vmInventory(vm))
		return
	}
	if r.Method != http.MethodPost {
		jsonError(w, http.StatusMethodNotAllowed, "POST %s", r.URL.Path)
		return
	}
	var err error
	switch action {
	case "power-off":
		err = waitTask(ctx, ovm.PowerOff)
	case "power-on":
		err = waitTask(ctx, ovm.PowerOn)
	case "suspend":
		err = waitTask(ctx, ovm.Suspend)
	case "reset":
		err = waitTask(ctx, ovm.Reset)
	case "shutdown-guest":
		err = ovm.ShutdownGuest(ctx)
	case "rename":
		to := r.URL.Query().Get("to")
		if to == "" {
			jsonError(w, http.StatusBadRequest, "to: the new name")
			return
		}
		err = waitTask(ctx, func(ctx context.Context) (*object.Task, error) { return ovm.Rename(ctx, to) })
	case "destroy":
		var state types.VirtualMachinePowerState
		simulator.Map.WithLock(vm, func() { state = vm.Runtime.PowerState })
		if state != types.VirtualMachinePowerStatePoweredOff {
			if err = waitTask(ctx, ovm.PowerOff); err != nil {
				break
			}
		}
		err = waitTask(ctx, ovm.Destroy)
		if err == nil {
			logf("destroyed VM %s", name)
			writeJSON(w, http.StatusOK, map[string]interface{}{"destroyed": name, "moid": vm.Self.Value})
			return
		}
	case "snapshot":
		s.controlSnapshot(ctx, w, vm, ovm, r.URL.Query().Get("name"))
		return
	default:
		if len(rest) == 3 && rest[0] == "disk" && rest[2] == "write" {
			s.controlDiskWrite(w, r, vm, rest[1])
			return
		}
		jsonError(w, http.StatusNotFound, "no VM control %q", action)
		return
	}
	if err != nil {
		jsonError(w, http.StatusConflict, "%s %s: %v", action, name, err)
		return
	}
	logf("%s VM %s", action, name)
	writeJSON(w, http.StatusOK, s.vmInventory(vm))
}

func (s *Sim) controlSnapshot(ctx context.Context, w http.ResponseWriter, vm *simulator.VirtualMachine, ovm *object.VirtualMachine, name string) {
	if name == "" {
		name = fmt.Sprintf("snapshot-%d", time.Now().UnixNano())
	}
	task, err := ovm.CreateSnapshot(ctx, name, "", false, false)
	if err != nil {
		jsonError(w, http.StatusConflict, "snapshot: %v", err)
		return
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		jsonError(w, http.StatusConflict, "snapshot: %v", err)
		return
	}
	ref := info.Result.(types.ManagedObjectReference)
	cbt.mu.Lock()
	ids := map[string]string{}
	for key, id := range cbt.snaps[ref] {
		ids[strconv.Itoa(int(key))] = id
	}
	cbt.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]interface{}{"snapshot": ref.Value, "name": name, "changeIds": ids})
}

func (s *Sim) controlDiskWrite(w http.ResponseWriter, r *http.Request, vm *simulator.VirtualMachine, index string) {
	n, err := strconv.Atoi(index)
	if err != nil || n < 0 {
		jsonError(w, http.StatusBadRequest, "disk index must be a number from 0")
		return
	}
	offset, err := strconv.ParseInt(r.URL.Query().Get("offset"), 10, 64)
	if err != nil || offset < 0 {
		jsonError(w, http.StatusBadRequest, "offset must be a number of bytes")
		return
	}
	var path string
	var capacity int64
	var pathErr error
	simulator.Map.WithLock(vm, func() {
		k := 0
		for _, d := range vm.Config.Hardware.Device {
			disk, ok := d.(*types.VirtualDisk)
			if !ok {
				continue
			}
			if k == n {
				capacity = diskCapacity(disk)
				if b, ok := disk.Backing.(*types.VirtualDiskFlatVer2BackingInfo); ok {
					path, pathErr = flatPath(vm, b.FileName)
				}
			}
			k++
		}
	})
	if path == "" {
		jsonError(w, http.StatusNotFound, "VM %s has no disk %d (%v)", vm.Name, n, pathErr)
		return
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		jsonError(w, http.StatusBadRequest, "%v", err)
		return
	}
	if offset+int64(len(data)) > capacity {
		jsonError(w, http.StatusBadRequest, "the write ends past the disk's %d bytes", capacity)
		return
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err == nil {
		_, err = f.WriteAt(data, offset)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		jsonError(w, http.StatusInternalServerError, "%v", err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"written": len(data), "offset": offset, "file": path})
}

func (s *Sim) stats() map[string]interface{} {
	s.control.mu.Lock()
	calls := map[string]int{}
	total := 0
	for k, v := range s.control.calls {
		calls[k] = v
		total += v
	}
	paused, mode, after, delay := s.control.paused, s.control.mode, s.control.after, s.control.delay
	s.control.mu.Unlock()
	var leases []map[string]interface{}
	s.leases.mu.Lock()
	ids := make([]string, 0, len(s.leases.byID))
	for id := range s.leases.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		l := s.leases.byID[id]
		var state types.HttpNfcLeaseState
		simulator.Map.WithLock(l, func() { state = l.State })
		leases = append(leases, map[string]interface{}{
			"moid": id, "vm": l.vmName, "state": state, "bytesServed": atomic.LoadInt64(&l.served),
		})
	}
	s.leases.mu.Unlock()
	return map[string]interface{}{
		"soapCalls":      calls,
		"soapCallsTotal": total,
		"requests":       atomic.LoadInt64(&s.control.requests),
		"folderRequests": atomic.LoadInt64(&s.control.folderGets),
		"nfcBytes":       atomic.LoadInt64(&s.control.nfcBytes),
		"leases":         leases,
		"paused":         paused,
		"pauseMode":      mode,
		"pauseAfter":     after,
		"delayMillis":    delay.Milliseconds(),
	}
}
