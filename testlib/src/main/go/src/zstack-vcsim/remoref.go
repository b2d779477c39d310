package main

// Controls that give inventory objects new managed object references, as vCenter does when it re-creates them:
//
//	POST /zstack-sim/host/{name}/readd[?vms=new]   the host is removed from vCenter and added back under the same
//	                                                name: it gets a new moref, keeps its cluster, datastores,
//	                                                networks and VMs; vms=new gives its VMs new morefs as well
//	                                                (vCenter re-registers them; their instance uuids stay)
//	POST /zstack-sim/shift-morefs?kind=K[,K...]     the morefs of every object of each kind rotate: the objects,
//	                                                sorted by moref, each take the next one's moref (the last the
//	                                                first's), so old morefs now name other objects. Kinds:
//	                                                HostSystem, ClusterComputeResource, ComputeResource, Datastore,
//	                                                Network, DistributedVirtualPortgroup, VirtualMachine, ...
//
// A moref is the registry's key and is copied into every object that points at the object (a cluster's host list,
// a datastore's mounts, a VM's runtime.host, folders' children...). The simulator has no call to re-key an object,
// so this walks every entity of the registry by reflection and replaces the references.

import (
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

var morefType = reflect.TypeOf(types.ManagedObjectReference{})

// walked is a pointer already walked, with its type: a pointer to a struct and one to its first field (a child's
// Parent points at its parent's Self) share the address but not what is behind them.
type walked struct {
	ptr uintptr
	typ reflect.Type
}

// replaceRefs replaces, in v and everything it reaches through exported fields, every reference that is a key of
// m by its value. seen keeps pointers already walked (the object graph has cycles).
func replaceRefs(v reflect.Value, m map[types.ManagedObjectReference]types.ManagedObjectReference, seen map[walked]bool) {
	switch v.Kind() {
	case reflect.Ptr:
		k := walked{v.Pointer(), v.Type()}
		if v.IsNil() || seen[k] {
			return
		}
		seen[k] = true
		replaceRefs(v.Elem(), m, seen)
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		e := v.Elem()
		if e.Kind() == reflect.Ptr {
			replaceRefs(e, m, seen)
			return
		}
		if !v.CanSet() {
			return
		}
		// a value inside an interface cannot be changed in place: change a copy and put it back
		c := reflect.New(e.Type()).Elem()
		c.Set(e)
		replaceRefs(c, m, seen)
		v.Set(c)
	case reflect.Struct:
		if v.Type() == morefType {
			if to, ok := m[v.Interface().(types.ManagedObjectReference)]; ok && v.CanSet() {
				v.Set(reflect.ValueOf(to))
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).PkgPath != "" { // unexported
				continue
			}
			replaceRefs(v.Field(i), m, seen)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			replaceRefs(v.Index(i), m, seen)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := v.MapIndex(k)
			c := reflect.New(e.Type()).Elem()
			c.Set(e)
			replaceRefs(c, m, seen)
			v.SetMapIndex(k, c)
		}
	}
}

// remoref re-keys the objects of the map's keys to its values, in the registry and in every entity's references.
func remoref(m map[types.ManagedObjectReference]types.ManagedObjectReference) {
	objects := map[types.ManagedObjectReference]mo.Entity{}
	for from := range m {
		e, ok := simulator.Map.Get(from).(mo.Entity)
		if !ok {
			continue
		}
		objects[from] = e
	}
	for from := range objects {
		simulator.Map.Remove(from)
	}
	seen := map[walked]bool{}
	for _, e := range simulator.Map.All("") {
		replaceRefs(reflect.ValueOf(e), m, seen)
	}
	for from, e := range objects {
		// the walk above skipped the removed objects themselves: their own Self and their references
		replaceRefs(reflect.ValueOf(e), m, seen)
		e.Entity().Self = m[from]
		simulator.Map.Put(e)
	}
}

// freshRef is a new moref of the object's type, as the registry numbers them.
func freshRef(e mo.Entity) types.ManagedObjectReference {
	probe := &mo.Folder{} // any entity: NewEntity only numbers it
	probe.Self = types.ManagedObjectReference{Type: e.Entity().Self.Type}
	simulator.Map.NewEntity(probe)
	return probe.Self
}

func findHost(name string) *simulator.HostSystem {
	var found *simulator.HostSystem
	for _, e := range simulator.Map.All("HostSystem") {
		h := e.(*simulator.HostSystem)
		if h.Name == name && (found == nil || h.Self.Value < found.Self.Value) {
			found = h
		}
	}
	return found
}

func (s *Sim) serveReadd(w http.ResponseWriter, r *http.Request, name string) {
	h := findHost(name)
	if h == nil {
		jsonError(w, http.StatusNotFound, "no host %s", name)
		return
	}
	m := map[types.ManagedObjectReference]types.ManagedObjectReference{}
	m[h.Self] = freshRef(h)
	vms := map[string]string{}
	if r.URL.Query().Get("vms") == "new" {
		for _, ref := range h.Vm {
			if vm, ok := simulator.Map.Get(ref).(*simulator.VirtualMachine); ok {
				m[ref] = freshRef(vm)
				vms[vm.Name] = m[ref].Value
			}
		}
	}
	old := h.Self.Value
	remoref(m)
	logf("host %s removed and added back: %s is now %s (%d VMs re-registered)", name, old, h.Self.Value, len(vms))
	writeJSON(w, http.StatusOK, map[string]interface{}{"host": name, "oldMoid": old, "moid": h.Self.Value, "vms": vms})
}

func (s *Sim) serveShiftMorefs(w http.ResponseWriter, r *http.Request) {
	kinds := strings.Split(r.URL.Query().Get("kind"), ",")
	m := map[types.ManagedObjectReference]types.ManagedObjectReference{}
	shifted := map[string]map[string]string{}
	for _, kind := range kinds {
		if kind == "" {
			continue
		}
		var refs []types.ManagedObjectReference
		for _, e := range simulator.Map.All(kind) {
			refs = append(refs, e.Entity().Self)
		}
		if len(refs) == 0 {
			jsonError(w, http.StatusNotFound, "no objects of kind %s", kind)
			return
		}
		sort.Slice(refs, func(i, j int) bool { return refs[i].Value < refs[j].Value })
		names := map[string]string{}
		for i, ref := range refs {
			to := refs[(i+1)%len(refs)]
			m[ref] = to
			names[entityName(ref)] = ref.Value + " -> " + to.Value
		}
		shifted[kind] = names
	}
	if len(m) == 0 {
		jsonError(w, http.StatusBadRequest, "kind: one or more managed object types, comma-separated")
		return
	}
	// a rotation reuses the morefs it frees: go through unused temporary keys so no two objects share one
	tmp := map[types.ManagedObjectReference]types.ManagedObjectReference{}
	final := map[types.ManagedObjectReference]types.ManagedObjectReference{}
	for from, to := range m {
		t := types.ManagedObjectReference{Type: from.Type, Value: fmt.Sprintf("shifting-%s", from.Value)}
		tmp[from] = t
		final[t] = to
	}
	remoref(tmp)
	remoref(final)
	logf("shifted the morefs of %v", kinds)
	writeJSON(w, http.StatusOK, shifted)
}

func entityName(ref types.ManagedObjectReference) string {
	if e, ok := simulator.Map.Get(ref).(mo.Entity); ok {
		return e.Entity().Name
	}
	return ref.Value
}
