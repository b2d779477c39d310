package main

// GET /zstack-sim/inventory: what the simulator holds right now, read from its registry (so power changes,
// destroyed VMs, snapshots made over SOAP all show). Sorted by name, stable field names:
//
//	{"about": {...}, "counts": {"datacenters": 2, "clusters": 3, "hosts": 8, "vms": 40, ...},
//	 "datacenters": [{"name", "moid", "clusters": [{"name", "moid", "hosts": [names]}], "hosts": [...],
//	                  "datastores": [...], "networks": [...], "dvSwitches": [...]}],
//	 "vms": [{"name", "moid", "datacenter", "host", "cluster", "instanceUuid", "uuid", "guestId", "firmware",
//	          "cpu", "coresPerSocket", "memoryMB", "powerState", "changeTrackingEnabled",
//	          "nics": [{"key", "type", "mac", "network", "networkMoid", "distributed", ...}],
//	          "disks": [{"key", "capacityBytes", "thin", "fileName", "datastore", "file", "uuid", "changeId", ...}],
//	          "snapshots": [{"name", "moid", "changeIds": {deviceKey: changeId}}]}]}

import (
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

type obj = map[string]interface{}

// datacenterOf walks up the parents of an entity to its datacenter's name.
func datacenterOf(e mo.Entity) string {
	for e != nil {
		me := e.Entity()
		if e.Reference().Type == "Datacenter" {
			return me.Name
		}
		if me.Parent == nil {
			return ""
		}
		next, ok := simulator.Map.Get(*me.Parent).(mo.Entity)
		if !ok {
			return ""
		}
		e = next
	}
	return ""
}

func nameOf(ref *types.ManagedObjectReference) string {
	if ref == nil {
		return ""
	}
	e, ok := simulator.Map.Get(*ref).(mo.Entity)
	if !ok {
		return ""
	}
	// no lock: names change only by a rename, and taking another object's lock while holding one (a VM's,
	// a host's) could deadlock against the simulator
	name := e.Entity().Name
	if n := networkOf(e); n != nil && name == "" {
		name = n.Name
	}
	if d, ok := e.(*simulator.DistributedVirtualSwitch); ok && name == "" {
		name = d.Name
	}
	return name
}

func sortByName(list []obj) {
	sort.Slice(list, func(i, j int) bool { return list[i]["name"].(string) < list[j]["name"].(string) })
}

func (s *Sim) inventory() obj {
	content := simulator.Map.Get(types.ManagedObjectReference{Type: "ServiceInstance", Value: "ServiceInstance"}).(*simulator.ServiceInstance).Content
	counts := map[string]int{}
	for _, k := range []string{"datacenters", "clusters", "hosts", "standaloneHosts", "vms", "templates", "poweredOn",
		"poweredOff", "suspended", "disks", "nics", "datastores", "networks", "dvSwitches", "dvPortgroups", "dvUplinkPortgroups"} {
		counts[k] = 0
	}
	dcs := []obj{}
	for _, e := range simulator.Map.All("Datacenter") {
		dc := e.(*simulator.Datacenter)
		dcs = append(dcs, s.datacenterInventory(dc, counts))
	}
	sortByName(dcs)
	counts["datacenters"] = len(dcs)

	var vms []obj
	for _, e := range simulator.Map.All("VirtualMachine") {
		v := s.vmInventory(e.(*simulator.VirtualMachine))
		vms = append(vms, v)
		counts["vms"]++
		counts[v["powerState"].(string)]++
		if v["template"].(bool) {
			counts["templates"]++
		}
		counts["disks"] += len(v["disks"].([]obj))
		counts["nics"] += len(v["nics"].([]obj))
	}
	sortByName(vms)
	if vms == nil {
		vms = []obj{}
	}
	return obj{
		"about": obj{
			"fullName":     content.About.FullName,
			"apiVersion":   content.About.ApiVersion,
			"instanceUuid": content.About.InstanceUuid,
		},
		"url":         "https://" + s.hostPort() + "/sdk",
		"dir":         s.dir,
		"counts":      counts,
		"datacenters": dcs,
		"vms":         vms,
	}
}

func (s *Sim) hostPort() string { return s.host + ":" + itoa(s.port) }

func (s *Sim) datacenterInventory(dc *simulator.Datacenter, counts map[string]int) obj {
	var name string
	var dsRefs, netRefs []types.ManagedObjectReference
	simulator.Map.WithLock(dc, func() {
		name = dc.Name
		dsRefs = copyRefs(dc.Datastore)
		netRefs = copyRefs(dc.Network)
	})

	clusters := []obj{}
	for _, e := range simulator.Map.All("ClusterComputeResource") {
		if datacenterOf(e) != name {
			continue
		}
		c := e.(*simulator.ClusterComputeResource)
		var hosts []string
		var cname string
		simulator.Map.WithLock(c, func() {
			cname = c.Name
			for _, h := range c.Host {
				hosts = append(hosts, nameOf(&h))
			}
		})
		sort.Strings(hosts)
		clusters = append(clusters, obj{"name": cname, "moid": c.Self.Value, "hosts": hosts})
	}
	sortByName(clusters)
	counts["clusters"] += len(clusters)

	hosts := []obj{}
	for _, e := range simulator.Map.All("HostSystem") {
		if datacenterOf(e) != name {
			continue
		}
		h := e.(*simulator.HostSystem)
		var o obj
		simulator.Map.WithLock(h, func() {
			var ds, nets []string
			for _, r := range h.Datastore {
				ds = append(ds, nameOf(&r))
			}
			for _, r := range h.Network {
				nets = append(nets, nameOf(&r))
			}
			sort.Strings(ds)
			sort.Strings(nets)
			cluster := ""
			if h.Parent != nil && h.Parent.Type == "ClusterComputeResource" {
				cluster = nameOf(h.Parent)
			}
			o = obj{"name": h.Name, "moid": h.Self.Value, "cluster": cluster, "datastores": ds, "networks": nets,
				"connectionState": h.Runtime.ConnectionState, "vms": len(h.Vm)}
			if hw := h.Summary.Hardware; hw != nil {
				o["cpuCores"] = hw.NumCpuCores
				o["memoryBytes"] = hw.MemorySize
			}
			if cluster == "" {
				counts["standaloneHosts"]++
			}
		})
		hosts = append(hosts, o)
	}
	sortByName(hosts)
	counts["hosts"] += len(hosts)

	datastores := []obj{}
	for _, r := range dsRefs {
		ds, ok := simulator.Map.Get(r).(*simulator.Datastore)
		if !ok {
			continue
		}
		simulator.Map.WithLock(ds, func() {
			var hosts []string
			for _, m := range ds.Host {
				hosts = append(hosts, nameOf(&m.Key))
			}
			sort.Strings(hosts)
			datastores = append(datastores, obj{"name": ds.Name, "moid": ds.Self.Value, "dir": ds.Info.GetDatastoreInfo().Url,
				"type": ds.Summary.Type, "capacity": ds.Summary.Capacity, "freeSpace": ds.Summary.FreeSpace, "hosts": hosts,
				"vms": len(ds.Vm)})
		})
	}
	sortByName(datastores)
	counts["datastores"] += len(datastores)

	networks := []obj{}
	switches := []obj{}
	for _, r := range netRefs {
		e := simulator.Map.Get(r)
		switch x := e.(type) {
		case *mo.Network:
			simulator.Map.WithLock(x, func() {
				o := obj{"name": x.Name, "moid": x.Self.Value, "type": "Network", "distributed": false,
					"hosts": len(x.Host), "vms": len(x.Vm), "vlan": s.standardVlan(x)}
				networks = append(networks, o)
			})
			counts["networks"]++
		case *simulator.DistributedVirtualPortgroup:
			simulator.Map.WithLock(x, func() {
				uplink := x.Config.Uplink != nil && *x.Config.Uplink
				vlan := int32(0)
				if ps, ok := x.Config.DefaultPortConfig.(*types.VMwareDVSPortSetting); ok && ps.Vlan != nil {
					if v, ok := ps.Vlan.(*types.VmwareDistributedVirtualSwitchVlanIdSpec); ok {
						vlan = v.VlanId
					}
				}
				o := obj{"name": x.Name, "moid": x.Self.Value, "type": "DistributedVirtualPortgroup", "distributed": true,
					"key": x.Key, "uplink": uplink, "dvSwitch": nameOf(x.Config.DistributedVirtualSwitch),
					"hosts": len(x.Host), "vms": len(x.Vm), "vlan": vlan}
				if uplink {
					counts["dvUplinkPortgroups"]++
				} else {
					counts["dvPortgroups"]++
				}
				networks = append(networks, o)
			})
		case *simulator.DistributedVirtualSwitch:
			simulator.Map.WithLock(x, func() {
				var pgs []string
				for _, p := range x.Portgroup {
					pgs = append(pgs, nameOf(&p))
				}
				sort.Strings(pgs)
				var members []string
				for _, h := range x.Summary.HostMember {
					members = append(members, nameOf(&h))
				}
				sort.Strings(members)
				switches = append(switches, obj{"name": x.Name, "moid": x.Self.Value, "uuid": x.Uuid, "portgroups": pgs, "hosts": members})
			})
			counts["dvSwitches"]++
		}
	}
	sortByName(networks)
	sortByName(switches)

	return obj{"name": name, "moid": dc.Self.Value, "clusters": clusters, "hosts": hosts, "datastores": datastores,
		"networks": networks, "dvSwitches": switches}
}

// standardVlan reads a standard portgroup's VLAN from the first host that has it.
func (s *Sim) standardVlan(n *mo.Network) int32 {
	for _, h := range n.Host {
		host, ok := simulator.Map.Get(h).(*simulator.HostSystem)
		if !ok || host.ConfigManager.NetworkSystem == nil {
			continue
		}
		ns, ok := simulator.Map.Get(*host.ConfigManager.NetworkSystem).(*simulator.HostNetworkSystem)
		if !ok || ns.NetworkInfo == nil {
			continue
		}
		for _, pg := range ns.NetworkInfo.Portgroup {
			if pg.Spec.Name == n.Name {
				return pg.Spec.VlanId
			}
		}
	}
	return 0
}

func nicType(d types.BaseVirtualDevice) string {
	switch d.(type) {
	case *types.VirtualVmxnet3:
		return "vmxnet3"
	case *types.VirtualE1000e:
		return "e1000e"
	case *types.VirtualE1000:
		return "e1000"
	case *types.VirtualVmxnet2:
		return "vmxnet2"
	case *types.VirtualPCNet32:
		return "pcnet32"
	case *types.VirtualSriovEthernetCard:
		return "sriov"
	}
	return strings.TrimPrefix(reflect.TypeOf(d).Elem().Name(), "Virtual")
}

func (s *Sim) vmInventory(vm *simulator.VirtualMachine) obj {
	var o obj
	simulator.Map.WithLock(vm, func() {
		cfg := vm.Config
		hw := cfg.Hardware
		o = obj{
			"name":                  vm.Name,
			"moid":                  vm.Self.Value,
			"datacenter":            datacenterOf(vm),
			"host":                  nameOf(vm.Runtime.Host),
			"cluster":               "",
			"resourcePool":          "",
			"instanceUuid":          cfg.InstanceUuid,
			"uuid":                  cfg.Uuid,
			"guestId":               cfg.GuestId,
			"guestFullName":         cfg.GuestFullName,
			"firmware":              cfg.Firmware,
			"version":               cfg.Version,
			"cpu":                   hw.NumCPU,
			"coresPerSocket":        hw.NumCoresPerSocket,
			"memoryMB":              hw.MemoryMB,
			"powerState":            string(vm.Runtime.PowerState),
			"template":              cfg.Template,
			"changeTrackingEnabled": cbtEnabled(vm),
			"vmPathName":            cfg.Files.VmPathName,
			"annotation":            cfg.Annotation,
			"guestHostName":         "",
			"guestIpAddress":        "",
		}
		if vm.ResourcePool != nil {
			o["resourcePool"] = vm.ResourcePool.Value
		}
		if vm.Runtime.Host != nil {
			if h, ok := simulator.Map.Get(*vm.Runtime.Host).(*simulator.HostSystem); ok && h.Parent != nil && h.Parent.Type == "ClusterComputeResource" {
				o["cluster"] = nameOf(h.Parent)
			}
		}
		if vm.Guest != nil {
			o["guestHostName"] = vm.Guest.HostName
			o["guestIpAddress"] = vm.Guest.IpAddress
		}
		o["folder"] = vmFolderPath(vm)

		controllers := map[int32]types.BaseVirtualDevice{}
		for _, d := range hw.Device {
			controllers[d.GetVirtualDevice().Key] = d
		}
		nics, disks := []obj{}, []obj{}
		for _, d := range hw.Device {
			switch x := d.(type) {
			case types.BaseVirtualEthernetCard:
				c := x.GetVirtualEthernetCard()
				n := obj{"key": c.Key, "type": nicType(d), "mac": c.MacAddress, "addressType": c.AddressType,
					"label": label(c.DeviceInfo), "network": "", "networkMoid": "", "distributed": false, "ips": []string{}}
				if c.Connectable != nil {
					n["connected"] = c.Connectable.Connected
					n["startConnected"] = c.Connectable.StartConnected
				}
				switch b := c.Backing.(type) {
				case *types.VirtualEthernetCardNetworkBackingInfo:
					n["network"] = b.DeviceName
					if b.Network != nil {
						n["networkMoid"] = b.Network.Value
					}
				case *types.VirtualEthernetCardDistributedVirtualPortBackingInfo:
					ref := types.ManagedObjectReference{Type: "DistributedVirtualPortgroup", Value: b.Port.PortgroupKey}
					n["network"] = nameOf(&ref)
					n["networkMoid"] = b.Port.PortgroupKey
					n["distributed"] = true
					n["switchUuid"] = b.Port.SwitchUuid
					n["portgroupKey"] = b.Port.PortgroupKey
				}
				if vm.Guest != nil {
					for _, g := range vm.Guest.Net {
						if strings.EqualFold(g.MacAddress, c.MacAddress) && len(g.IpAddress) > 0 {
							n["ips"] = g.IpAddress
						}
					}
				}
				nics = append(nics, n)
			case *types.VirtualDisk:
				disk := obj{"key": x.Key, "label": label(x.DeviceInfo), "capacityBytes": diskCapacity(x),
					"controllerKey": x.ControllerKey, "unitNumber": x.UnitNumber}
				if c, ok := controllers[x.ControllerKey]; ok {
					disk["controllerType"] = reflect.TypeOf(c).Elem().Name()
					if bc, ok := c.(types.BaseVirtualController); ok {
						disk["busNumber"] = bc.GetVirtualController().BusNumber
					}
				}
				if b, ok := x.Backing.(*types.VirtualDiskFlatVer2BackingInfo); ok {
					disk["fileName"] = b.FileName
					disk["thin"] = b.ThinProvisioned != nil && *b.ThinProvisioned
					disk["diskMode"] = b.DiskMode
					disk["uuid"] = b.Uuid
					disk["changeId"] = b.ChangeId
					if b.Datastore != nil {
						disk["datastore"] = nameOf(b.Datastore)
					}
					if p, err := flatPath(vm, b.FileName); err == nil {
						disk["file"] = p
						disk["descriptor"] = strings.TrimSuffix(p, "-flat.vmdk") + ".vmdk"
						disk["datastorePath"] = filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p)
					}
				}
				disks = append(disks, disk)
			}
		}
		o["nics"], o["disks"] = nics, disks

		snaps := []obj{}
		if vm.Snapshot != nil {
			var walk func(tree []types.VirtualMachineSnapshotTree)
			walk = func(tree []types.VirtualMachineSnapshotTree) {
				for _, t := range tree {
					ids := map[string]string{}
					cbt.mu.Lock()
					for k, id := range cbt.snaps[t.Snapshot] {
						ids[itoa(int(k))] = id
					}
					cbt.mu.Unlock()
					snaps = append(snaps, obj{"name": t.Name, "moid": t.Snapshot.Value, "id": t.Id,
						"createTime": t.CreateTime, "changeIds": ids})
					walk(t.ChildSnapshotList)
				}
			}
			walk(vm.Snapshot.RootSnapshotList)
		}
		o["snapshots"] = snaps
	})
	return o
}

func label(d types.BaseDescription) string {
	if d == nil {
		return ""
	}
	return d.GetDescription().Label
}

// vmFolderPath is the VM's folder below its datacenter's vm folder, "" for that folder itself.
func vmFolderPath(vm *simulator.VirtualMachine) string {
	var parts []string
	ref := vm.Parent
	for ref != nil && ref.Type == "Folder" {
		f, ok := simulator.Map.Get(*ref).(*simulator.Folder)
		if !ok || f.Parent == nil || f.Parent.Type == "Datacenter" {
			break
		}
		parts = append([]string{f.Name}, parts...)
		ref = f.Parent
	}
	return strings.Join(parts, "/")
}

func itoa(n int) string { return strconv.Itoa(n) }
