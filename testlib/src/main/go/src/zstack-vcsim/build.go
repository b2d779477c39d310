package main

// Builds the fixture's inventory through the simulator's own API (an in-process vim25 client), and links what
// the simulator leaves unlinked (datastores and standard portgroups on every host, networks' VM lists).

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// Sim is the running simulator: the fixture's inventory plus our extensions and controls.
type Sim struct {
	fixture *Fixture
	client  *vim25.Client
	dir     string
	host    string
	port    int
	inner   http.Handler // the simulator's own mux

	thumbprint string

	dcs     []*dcInfo
	usedMac map[string]bool
	nextMac int

	control controlState
	leases  leaseTable
}

type dcInfo struct {
	spec       *DatacenterSpec
	dc         *object.Datacenter
	folders    *object.DatacenterFolders
	hosts      []*hostInfo
	datastores []*dsInfo
	networks   map[string]*netInfo
	netOrder   []string // the networks generated VMs' NICs use, round-robin: distributed first
	vmFolders  map[string]*object.Folder
}

type hostInfo struct {
	name    string
	cluster string
	host    *object.HostSystem
	pool    *object.ResourcePool
}

type dsInfo struct {
	name string
	dir  string
	ref  types.ManagedObjectReference
}

type netInfo struct {
	name        string
	ref         types.ManagedObjectReference
	distributed bool
	switchUuid  string
	key         string
}

func (s *Sim) Build(ctx context.Context) error {
	root := object.NewRootFolder(s.client)
	for i := range s.fixture.Datacenters {
		dc, err := s.buildDatacenter(ctx, root, &s.fixture.Datacenters[i])
		if err != nil {
			return err
		}
		s.dcs = append(s.dcs, dc)
	}

	s.usedMac = map[string]bool{}
	names := map[string]bool{}
	for _, v := range s.fixture.VMs {
		if v.Name == "" {
			return fmt.Errorf("an explicit VM without a name")
		}
		if names[v.Name] {
			return fmt.Errorf("two VMs named %s", v.Name)
		}
		names[v.Name] = true
		for _, n := range v.Nics {
			if n.Mac != "" {
				mac := strings.ToLower(n.Mac)
				if s.usedMac[mac] {
					return fmt.Errorf("VM %s: MAC %s is used twice", v.Name, n.Mac)
				}
				s.usedMac[mac] = true
			}
		}
	}

	global := 0
	for _, dc := range s.dcs {
		for i := 0; i < dc.spec.Vms; i++ {
			v := s.generatedVM(dc, i, global)
			if names[v.Name] {
				return fmt.Errorf("the generated VM %s has the name of an explicit VM", v.Name)
			}
			if len(dc.hosts) == 0 {
				return fmt.Errorf("datacenter %s has VMs but no hosts", dc.spec.Name)
			}
			if err := s.createVM(ctx, dc, &v, dc.hosts[i%len(dc.hosts)]); err != nil {
				return err
			}
			global++
		}
	}
	rr := map[string]int{}
	for i := range s.fixture.VMs {
		v := &s.fixture.VMs[i]
		dc, h, err := s.placement(v, rr)
		if err != nil {
			return fmt.Errorf("VM %s: %v", v.Name, err)
		}
		if err := s.createVM(ctx, dc, v, h); err != nil {
			return err
		}
	}
	s.linkNetworkVMs()
	return nil
}

func (s *Sim) findDC(name string) *dcInfo {
	for _, dc := range s.dcs {
		if dc.spec.Name == name {
			return dc
		}
	}
	return nil
}

// placement picks the datacenter and host of an explicit VM: its host, else its cluster's hosts round-robin,
// else its datacenter's hosts round-robin.
func (s *Sim) placement(v *VMSpec, rr map[string]int) (*dcInfo, *hostInfo, error) {
	var candidates []*dcInfo
	if v.Datacenter != "" {
		dc := s.findDC(v.Datacenter)
		if dc == nil {
			return nil, nil, fmt.Errorf("no datacenter %s", v.Datacenter)
		}
		candidates = []*dcInfo{dc}
	} else {
		candidates = s.dcs
	}
	for _, dc := range candidates {
		var pool []*hostInfo
		for _, h := range dc.hosts {
			switch {
			case v.Host != "" && h.name == v.Host:
				return dc, h, nil
			case v.Host == "" && v.Cluster != "" && h.cluster == v.Cluster:
				pool = append(pool, h)
			case v.Host == "" && v.Cluster == "":
				pool = append(pool, h)
			}
		}
		if len(pool) > 0 {
			key := dc.spec.Name + "/" + v.Cluster
			h := pool[rr[key]%len(pool)]
			rr[key]++
			return dc, h, nil
		}
		if v.Host == "" && v.Cluster == "" {
			break // the first datacenter only
		}
	}
	switch {
	case v.Host != "":
		return nil, nil, fmt.Errorf("no host %s", v.Host)
	case v.Cluster != "":
		return nil, nil, fmt.Errorf("no cluster %s (or it has no hosts)", v.Cluster)
	}
	return nil, nil, fmt.Errorf("no host to place it on")
}

func (s *Sim) buildDatacenter(ctx context.Context, root *object.Folder, spec *DatacenterSpec) (*dcInfo, error) {
	fail := func(what string, err error) (*dcInfo, error) {
		return nil, fmt.Errorf("datacenter %s: %s: %v", spec.Name, what, err)
	}
	d, err := root.CreateDatacenter(ctx, spec.Name)
	if err != nil {
		return fail("create", err)
	}
	folders, err := d.Folders(ctx)
	if err != nil {
		return fail("folders", err)
	}
	dc := &dcInfo{spec: spec, dc: d, folders: folders, networks: map[string]*netInfo{}, vmFolders: map[string]*object.Folder{}}

	// distributed switches and their portgroups first: hosts join them below
	var switches []*object.DistributedVirtualSwitch
	for _, sw := range spec.DvSwitches {
		dvs, err := s.createDvSwitch(ctx, dc, sw)
		if err != nil {
			return fail("dvSwitch "+sw.Name, err)
		}
		switches = append(switches, dvs)
	}

	for _, c := range spec.Clusters {
		cluster, err := folders.HostFolder.CreateCluster(ctx, c.Name, types.ClusterConfigSpecEx{})
		if err != nil {
			return fail("cluster "+c.Name, err)
		}
		pool, err := cluster.ResourcePool(ctx)
		if err != nil {
			return fail("cluster "+c.Name, err)
		}
		for _, name := range c.Hosts {
			task, err := cluster.AddHost(ctx, types.HostConnectSpec{HostName: name}, true, nil, nil)
			if err != nil {
				return fail("host "+name, err)
			}
			info, err := task.WaitForResult(ctx, nil)
			if err != nil {
				return fail("host "+name, err)
			}
			h := object.NewHostSystem(s.client, info.Result.(types.ManagedObjectReference))
			dc.hosts = append(dc.hosts, &hostInfo{name: name, cluster: c.Name, host: h, pool: pool})
		}
	}
	for _, name := range spec.StandaloneHosts {
		task, err := folders.HostFolder.AddStandaloneHost(ctx, types.HostConnectSpec{HostName: name}, true, nil, nil)
		if err != nil {
			return fail("host "+name, err)
		}
		info, err := task.WaitForResult(ctx, nil)
		if err != nil {
			return fail("host "+name, err)
		}
		h := object.NewHostSystem(s.client, info.Result.(types.ManagedObjectReference))
		pool, err := h.ResourcePool(ctx)
		if err != nil {
			return fail("host "+name, err)
		}
		dc.hosts = append(dc.hosts, &hostInfo{name: name, host: h, pool: pool})
	}
	unshareNetworkLists(dc)

	for _, dvs := range switches {
		var members []types.DistributedVirtualSwitchHostMemberConfigSpec
		for _, h := range dc.hosts {
			members = append(members, types.DistributedVirtualSwitchHostMemberConfigSpec{
				Operation: string(types.ConfigSpecOperationAdd),
				Host:      h.host.Reference(),
			})
		}
		if len(members) == 0 {
			continue
		}
		task, err := dvs.Reconfigure(ctx, &types.DVSConfigSpec{Host: members})
		if err != nil {
			return fail("dvSwitch hosts", err)
		}
		if err = task.Wait(ctx); err != nil {
			return fail("dvSwitch hosts", err)
		}
	}

	if err := s.createPortgroups(ctx, dc); err != nil {
		return fail("portgroups", err)
	}
	for _, ds := range spec.Datastores {
		if err := s.createDatastore(ctx, dc, ds); err != nil {
			return fail("datastore "+ds.Name, err)
		}
	}

	// generated NICs: distributed portgroups first, then standard ones
	var dv, std []string
	for name, n := range dc.networks {
		if n.distributed {
			dv = append(dv, name)
		} else {
			std = append(std, name)
		}
	}
	sort.Strings(dv)
	sort.Slice(std, func(i, j int) bool { // "VM Network" first, then by name
		if std[i] == "VM Network" || std[j] == "VM Network" {
			return std[i] == "VM Network"
		}
		return std[i] < std[j]
	})
	dc.netOrder = append(dv, std...)
	return dc, nil
}

func (s *Sim) createDvSwitch(ctx context.Context, dc *dcInfo, sw DvSwitchSpec) (*object.DistributedVirtualSwitch, error) {
	var spec types.DVSCreateSpec
	spec.ConfigSpec = &types.VMwareDVSConfigSpec{DVSConfigSpec: types.DVSConfigSpec{Name: sw.Name}}
	task, err := dc.folders.NetworkFolder.CreateDVS(ctx, spec)
	if err != nil {
		return nil, err
	}
	info, err := task.WaitForResult(ctx, nil)
	if err != nil {
		return nil, err
	}
	ref := info.Result.(types.ManagedObjectReference)
	dvs := object.NewDistributedVirtualSwitch(s.client, ref)

	// the simulator gives a new switch its uplink portgroup ("<switch>-DVUplinks-<n>"); mark it as vSphere does
	sim := simulator.Map.Get(ref).(*simulator.DistributedVirtualSwitch)
	simulator.Map.WithLock(sim, func() {
		uplinks := copyRefs(sim.Portgroup)
		for _, pgRef := range uplinks {
			pg := simulator.Map.Get(pgRef).(*simulator.DistributedVirtualPortgroup)
			pg.Config.Uplink = types.NewBool(true)
		}
		sim.Config.GetDVSConfigInfo().UplinkPortgroup = uplinks
	})

	var pgs []types.DVPortgroupConfigSpec
	for _, pg := range sw.Portgroups {
		pgSpec := types.DVPortgroupConfigSpec{
			Name:     pg.Name,
			Type:     string(types.DistributedVirtualPortgroupPortgroupTypeEarlyBinding),
			NumPorts: 8,
		}
		if pg.Vlan != 0 {
			pgSpec.DefaultPortConfig = &types.VMwareDVSPortSetting{
				Vlan: &types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: pg.Vlan},
			}
		}
		pgs = append(pgs, pgSpec)
	}
	if len(pgs) > 0 {
		task, err = dvs.AddPortgroup(ctx, pgs)
		if err != nil {
			return nil, err
		}
		if err = task.Wait(ctx); err != nil {
			return nil, err
		}
	}

	simulator.Map.WithLock(sim, func() {
		for _, pgRef := range sim.Portgroup {
			pg := simulator.Map.Get(pgRef).(*simulator.DistributedVirtualPortgroup)
			if pg.Config.Uplink != nil && *pg.Config.Uplink {
				continue
			}
			pg.Config.Uplink = types.NewBool(false)
			dc.networks[pg.Name] = &netInfo{name: pg.Name, ref: pgRef, distributed: true, switchUuid: sim.Uuid, key: pg.Key}
		}
	})
	return dvs, nil
}

func computeResourceOf(obj mo.Reference) *mo.ComputeResource {
	switch x := obj.(type) {
	case *simulator.ClusterComputeResource:
		return &x.ComputeResource
	case *mo.ComputeResource:
		return x
	}
	return nil
}

func networkOf(obj mo.Reference) *mo.Network {
	switch x := obj.(type) {
	case *mo.Network:
		return x
	case *simulator.DistributedVirtualPortgroup:
		return &x.Network
	}
	return nil
}

func copyRefs(refs []types.ManagedObjectReference) []types.ManagedObjectReference {
	return append(make([]types.ManagedObjectReference, 0, len(refs)), refs...)
}

// unshareNetworkLists gives every host and compute resource its own network list: the simulator slices them
// out of the datacenter's list, so that appending to one (a DVS join) would overwrite the others.
func unshareNetworkLists(dc *dcInfo) {
	for _, h := range dc.hosts {
		host := simulator.Map.Get(h.host.Reference()).(*simulator.HostSystem)
		simulator.Map.WithLock(host, func() { host.Network = copyRefs(host.Network) })
		crObj := simulator.Map.Get(*host.Parent)
		if cr := computeResourceOf(crObj); cr != nil {
			simulator.Map.WithLock(crObj, func() { cr.Network = copyRefs(cr.Network) })
		}
	}
	d := simulator.Map.Get(dc.dc.Reference()).(*simulator.Datacenter)
	simulator.Map.WithLock(d, func() { d.Network = copyRefs(d.Network) })
}

func addRef(list *[]types.ManagedObjectReference, ref types.ManagedObjectReference) {
	for _, r := range *list {
		if r == ref {
			return
		}
	}
	*list = append(copyRefs(*list), ref)
}

func removeRef(list *[]types.ManagedObjectReference, ref types.ManagedObjectReference) {
	out := make([]types.ManagedObjectReference, 0, len(*list))
	for _, r := range *list {
		if r != ref {
			out = append(out, r)
		}
	}
	*list = out
}

// createPortgroups makes the standard portgroups exist on every host of the datacenter, "VM Network" included.
func (s *Sim) createPortgroups(ctx context.Context, dc *dcInfo) error {
	d := simulator.Map.Get(dc.dc.Reference()).(*simulator.Datacenter)
	netFolder := simulator.Map.Get(dc.folders.NetworkFolder.Reference()).(*simulator.Folder)
	specs := []NetSpec{{Name: "VM Network"}}
	for _, pg := range dc.spec.Portgroups {
		if pg.Name == "VM Network" {
			specs[0].Vlan = pg.Vlan
		} else {
			specs = append(specs, pg)
		}
	}
	for _, pg := range specs {
		if pg.Name != "VM Network" && len(dc.hosts) > 0 {
			ns, err := dc.hosts[0].host.ConfigManager().NetworkSystem(ctx)
			if err != nil {
				return err
			}
			err = ns.AddPortGroup(ctx, types.HostPortGroupSpec{Name: pg.Name, VlanId: pg.Vlan, VswitchName: "vSwitch0"})
			if err != nil {
				return fmt.Errorf("%s: %v", pg.Name, err)
			}
		}
		entity := simulator.Map.FindByName(pg.Name, netFolder.ChildEntity)
		if entity == nil {
			if len(dc.hosts) == 0 {
				continue // a portgroup exists on hosts; without hosts there is none
			}
			return fmt.Errorf("portgroup %s was not created", pg.Name)
		}
		ref := entity.Reference()
		network := networkOf(entity)
		for i, h := range dc.hosts {
			host := simulator.Map.Get(h.host.Reference()).(*simulator.HostSystem)
			simulator.Map.WithLock(host, func() { addRef(&host.Network, ref) })
			crObj := simulator.Map.Get(*host.Parent)
			if cr := computeResourceOf(crObj); cr != nil {
				simulator.Map.WithLock(crObj, func() { addRef(&cr.Network, ref) })
			}
			simulator.Map.WithLock(entity, func() { addRef(&network.Host, host.Self) })
			ns := simulator.Map.Get(*host.ConfigManager.NetworkSystem).(*simulator.HostNetworkSystem)
			simulator.Map.WithLock(ns, func() {
				info := ns.NetworkInfo
				key := "key-vim.host.PortGroup-" + pg.Name
				found := false
				pgs := append([]types.HostPortGroup(nil), info.Portgroup...)
				for j := range pgs {
					if pgs[j].Key == key || pgs[j].Spec.Name == pg.Name {
						pgs[j].Spec.VlanId = pg.Vlan
						found = true
					}
				}
				if !found && (pg.Name == "VM Network" || i > 0) {
					pgs = append(pgs, types.HostPortGroup{
						Key:  key,
						Spec: types.HostPortGroupSpec{Name: pg.Name, VlanId: pg.Vlan, VswitchName: "vSwitch0"},
					})
					if len(info.Vswitch) > 0 && pg.Name != "VM Network" {
						info.Vswitch[0].Portgroup = append(append([]string(nil), info.Vswitch[0].Portgroup...), pg.Name)
					}
				}
				info.Portgroup = pgs
			})
		}
		dc.networks[pg.Name] = &netInfo{name: pg.Name, ref: ref}
		simulator.Map.WithLock(d, func() { addRef(&d.Network, ref) })
	}
	return nil
}

// createDatastore makes one datastore (a directory under the work directory) mounted on every host.
func (s *Sim) createDatastore(ctx context.Context, dc *dcInfo, spec DatastoreSpec) error {
	if len(dc.hosts) == 0 {
		return fmt.Errorf("no host to mount it on")
	}
	dir := filepath.Join(s.dir, "datastores", safeName(dc.spec.Name), safeName(spec.Name))
	if err := mkdirAll(dir); err != nil {
		return err
	}
	dss, err := dc.hosts[0].host.ConfigManager().DatastoreSystem(ctx)
	if err != nil {
		return err
	}
	created, err := dss.CreateLocalDatastore(ctx, spec.Name, dir)
	if err != nil {
		return err
	}
	ref := created.Reference()
	ds := simulator.Map.Get(ref).(*simulator.Datastore)
	simulator.Map.WithLock(ds, func() { ds.Summary.Type = spec.Type })

	for _, h := range dc.hosts[1:] {
		host := simulator.Map.Get(h.host.Reference()).(*simulator.HostSystem)
		hdss := simulator.Map.Get(*host.ConfigManager.DatastoreSystem).(*simulator.HostDatastoreSystem)
		simulator.Map.WithLock(hdss, func() {
			hdss.Datastore = copyRefs(hdss.Datastore)
			addRef(&hdss.Datastore, ref)
		})
		simulator.Map.WithLock(host, func() { addRef(&host.Datastore, ref) })
		crObj := simulator.Map.Get(*host.Parent)
		if cr := computeResourceOf(crObj); cr != nil {
			simulator.Map.WithLock(crObj, func() { addRef(&cr.Datastore, ref) })
		}
		simulator.Map.WithLock(ds, func() {
			ds.Host = append(ds.Host, types.DatastoreHostMount{
				Key: host.Self,
				MountInfo: types.HostMountInfo{
					Path:       dir,
					AccessMode: string(types.HostMountModeReadWrite),
					Mounted:    types.NewBool(true),
					Accessible: types.NewBool(true),
				},
			})
		})
	}
	dc.datastores = append(dc.datastores, &dsInfo{name: spec.Name, dir: dir, ref: ref})
	return nil
}

func (dc *dcInfo) datastore(name string) (*dsInfo, error) {
	if len(dc.datastores) == 0 {
		return nil, fmt.Errorf("datacenter %s has no datastore", dc.spec.Name)
	}
	if name == "" {
		return dc.datastores[0], nil
	}
	for _, ds := range dc.datastores {
		if ds.name == name {
			return ds, nil
		}
	}
	return nil, fmt.Errorf("datacenter %s has no datastore %s", dc.spec.Name, name)
}

func (s *Sim) vmFolder(ctx context.Context, dc *dcInfo, path string) (*object.Folder, error) {
	folder := dc.folders.VmFolder
	walked := ""
	for _, part := range strings.Split(strings.Trim(path, "/"), "/") {
		if part == "" {
			continue
		}
		walked += "/" + part
		if f, ok := dc.vmFolders[walked]; ok {
			folder = f
			continue
		}
		f, err := folder.CreateFolder(ctx, part)
		if err != nil {
			return nil, fmt.Errorf("folder %s: %v", walked, err)
		}
		dc.vmFolders[walked] = f
		folder = f
	}
	return folder, nil
}

// linkNetworkVMs fills network.vm, which the simulator leaves empty.
func (s *Sim) linkNetworkVMs() {
	for _, e := range simulator.Map.All("VirtualMachine") {
		vm := e.(*simulator.VirtualMachine)
		var nets []types.ManagedObjectReference
		simulator.Map.WithLock(vm, func() { nets = copyRefs(vm.Network) })
		for _, ref := range nets {
			obj := simulator.Map.Get(ref)
			if n := networkOf(obj); n != nil {
				simulator.Map.WithLock(obj, func() { addRef(&n.Vm, vm.Self) })
			}
		}
	}
}

// unlinkVM drops a removed VM from network.vm.
func unlinkVM(ref types.ManagedObjectReference) {
	for _, kind := range []string{"Network", "DistributedVirtualPortgroup"} {
		for _, e := range simulator.Map.All(kind) {
			if n := networkOf(e); n != nil {
				simulator.Map.WithLock(e, func() { removeRef(&n.Vm, ref) })
			}
		}
	}
}

func safeName(s string) string {
	return strings.NewReplacer("/", "_", "\\", "_", "\x00", "_").Replace(s)
}
