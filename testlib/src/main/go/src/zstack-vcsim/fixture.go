package main

// The fixture: what the simulator holds when it starts. JSON, every field optional.
//
// Two ways to say how many of a thing there are: a count (names are then generated, vcsim style: DC0,
// DC0_C0, DC0_C0_H0, DC0_DS0, DC0_PG0, DC0_DVS0, DC0_DVS0_PG0, DC0_VM0) or a list (names and details given).
//
//	{
//	  "username": "user", "password": "pass", "instanceUuid": "",   // about.instanceUuid ("": a random one)
//	  "datacenters": 2,                       // or a list, see DatacenterSpec
//	  "clustersPerDatacenter": 1, "hostsPerCluster": 3, "standaloneHostsPerDatacenter": 0,
//	  "datastoresPerDatacenter": 1, "portgroupsPerDatacenter": 0,
//	  "dvSwitchesPerDatacenter": 1, "dvPortgroupsPerSwitch": 2,
//	  "vmsPerDatacenter": 2,
//	  "vmDefaults": {"cpu": 1, "memoryMB": 1024, "disks": 1, "diskCapacityMB": 16, "nics": 1, ...},
//	  "vms": [ explicit VMs, see VMSpec ],
//	  "exportFormat": "flat", "nfcHost": "", "leaseTimeoutSeconds": 300, "leaseInitMillis": 200,
//	  "cbtBlockSize": 65536, "cbtMaxBytesPerQuery": 0, "noDatastoreAuth": false
//	}

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

type Fixture struct {
	Username string `json:"username"`
	Password string `json:"password"`
	// InstanceUuid is the vCenter's about.instanceUuid; empty gives a random one per start (vcsim itself answers
	// the same constant for every simulator, unlike vCenters)
	InstanceUuid string `json:"instanceUuid"`

	Datacenters                  []DatacenterSpec `json:"-"`
	ClustersPerDatacenter        int              `json:"clustersPerDatacenter"`
	HostsPerCluster              int              `json:"hostsPerCluster"`
	StandaloneHostsPerDatacenter int              `json:"standaloneHostsPerDatacenter"`
	DatastoresPerDatacenter      int              `json:"datastoresPerDatacenter"`
	PortgroupsPerDatacenter      int              `json:"portgroupsPerDatacenter"`
	DvSwitchesPerDatacenter      int              `json:"dvSwitchesPerDatacenter"`
	DvPortgroupsPerSwitch        int              `json:"dvPortgroupsPerSwitch"`
	VmsPerDatacenter             int              `json:"vmsPerDatacenter"`

	VMDefaults VMDefaults `json:"vmDefaults"`
	VMs        []VMSpec   `json:"vms"`

	// ExportVm: "flat" serves each disk's raw bytes (Range supported, the file name ends in -flat.vmdk);
	// "streamOptimized" serves a streamOptimized VMDK made on the fly, as a real ESXi does (no Range).
	ExportFormat string `json:"exportFormat"`
	// NfcHost is the host of the lease's device URLs: "" for this simulator's host:port, "*" for a literal
	// star the client must replace with the host it connected to (as ESXi answers).
	NfcHost             string `json:"nfcHost"`
	LeaseTimeoutSeconds int    `json:"leaseTimeoutSeconds"`
	// LeaseInitMillis: the lease stays "initializing" (without info) this long before "ready"
	LeaseInitMillis *int `json:"leaseInitMillis"`

	// NoDatastoreAuth lets /folder downloads through without a session (vcsim's own behavior); by default they
	// need the SOAP session cookie or basic authentication, as vCenter's do
	NoDatastoreAuth bool `json:"noDatastoreAuth"`

	CbtBlockSize        int64 `json:"cbtBlockSize"`
	CbtMaxBytesPerQuery int64 `json:"cbtMaxBytesPerQuery"`
}

type DatacenterSpec struct {
	Name            string          `json:"name"`
	Clusters        []ClusterSpec   `json:"-"`
	HostsPerCluster int             `json:"hostsPerCluster"`
	StandaloneHosts []string        `json:"-"`
	Datastores      []DatastoreSpec `json:"-"`
	// Portgroups are standard portgroups, present on every host of the datacenter ("VM Network" always is)
	Portgroups            []NetSpec      `json:"-"`
	DvSwitches            []DvSwitchSpec `json:"-"`
	DvPortgroupsPerSwitch int            `json:"dvPortgroupsPerSwitch"`
	// Vms is the number of generated VMs (vmDefaults), spread round-robin over the datacenter's hosts
	Vms int `json:"vms"`
}

type ClusterSpec struct {
	Name  string   `json:"name"`
	Hosts []string `json:"-"`
}

type DatastoreSpec struct {
	Name string `json:"name"`
	Type string `json:"type"` // summary.type, default VMFS
}

type NetSpec struct {
	Name string `json:"name"`
	Vlan int32  `json:"vlan"`
}

type DvSwitchSpec struct {
	Name       string    `json:"name"`
	Portgroups []NetSpec `json:"-"`
}

// VMDefaults is the hardware of generated VMs. A string field may also be a list, used round-robin over the
// generated VMs (e.g. "powerState": ["poweredOn", "poweredOff"]).
type VMDefaults struct {
	Cpu            int     `json:"cpu"`
	CoresPerSocket int     `json:"coresPerSocket"`
	MemoryMB       int     `json:"memoryMB"`
	GuestId        strList `json:"guestId"`
	Firmware       strList `json:"firmware"`
	PowerState     strList `json:"powerState"`
	Disks          *int    `json:"disks"`
	DiskCapacityMB int64   `json:"diskCapacityMB"`
	Thin           *bool   `json:"thin"`
	Nics           *int    `json:"nics"`
	NicType        strList `json:"nicType"`
	ScsiController string  `json:"scsiController"`
	Cbt            bool    `json:"cbt"`
}

// VMSpec is one explicit VM.
type VMSpec struct {
	Name           string `json:"name"`
	Datacenter     string `json:"datacenter"` // default: the one holding host/cluster, else the first
	Cluster        string `json:"cluster"`    // placed on its hosts round-robin
	Host           string `json:"host"`
	Datastore      string `json:"datastore"` // default: the datacenter's first
	Folder         string `json:"folder"`    // a path under the datacenter's vm folder, "a/b"
	InstanceUuid   string `json:"instanceUuid"`
	Uuid           string `json:"uuid"` // the BIOS uuid
	GuestId        string `json:"guestId"`
	Firmware       string `json:"firmware"` // bios | efi
	Cpu            int    `json:"cpu"`
	CoresPerSocket int    `json:"coresPerSocket"`
	MemoryMB       int    `json:"memoryMB"`
	PowerState     string `json:"powerState"` // poweredOn | poweredOff | suspended
	Template       bool   `json:"template"`
	Cbt            bool   `json:"cbt"` // config.changeTrackingEnabled
	Annotation     string `json:"annotation"`
	HostName       string `json:"hostName"` // guest.hostName as VMware Tools report it
	ScsiController string `json:"scsiController"`
	// Version is the virtual hardware version, e.g. "vmx-13"
	Version string     `json:"version"`
	Nics    []NicSpec  `json:"nics"`
	Disks   []DiskSpec `json:"disks"`

	generated bool
}

type NicSpec struct {
	Mac     string   `json:"mac"`     // default: a distinct deterministic 00:50:56:xx:xx:xx
	Network string   `json:"network"` // a standard portgroup or a distributed portgroup of the datacenter
	Type    string   `json:"type"`    // vmxnet3 (default) | e1000 | e1000e | vmxnet2 | pcnet32 | sriov
	Ips     []string `json:"ips"`     // guest.net[].ipAddress as VMware Tools report them
}

type DiskSpec struct {
	// Name of the disk files in the VM's folder: <name>.vmdk (monolithicFlat descriptor) and <name>-flat.vmdk.
	// Default: <vm> for the first disk, <vm>_1, <vm>_2, ... as vSphere names them.
	Name          string `json:"name"`
	CapacityMB    int64  `json:"capacityMB"`
	CapacityBytes int64  `json:"capacityBytes"` // wins over capacityMB; default: the source's size
	Thin          *bool  `json:"thin"`          // default true
	// Source is a raw image (or a flat VMDK extent, or a flat VMDK descriptor) copied into the datastore as
	// <name>-flat.vmdk; holes stay holes. Without a source the disk is a sparse file of zeros.
	Source string `json:"source"`
	// SourceMode: copy (default; reflink when the file system can) | symlink | hardlink
	SourceMode string `json:"sourceMode"`
	Mode       string `json:"mode"` // persistent (default) | independent_persistent | independent_nonpersistent
	Uuid       string `json:"uuid"` // backing.uuid; default a deterministic 6000C29x-... uuid
	Datastore  string `json:"datastore"`
}

// strList is a string or a list of strings in JSON.
type strList []string

func (s *strList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var l []string
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		*s = l
		return nil
	}
	var one string
	if err := json.Unmarshal(b, &one); err != nil {
		return err
	}
	*s = strList{one}
	return nil
}

func (s strList) pick(i int, def string) string {
	if len(s) == 0 {
		return def
	}
	return s[i%len(s)]
}

// countOrList decodes a JSON value that is either a count or a list; a list goes into list.
func countOrList(raw json.RawMessage, list interface{}) (count int, isList bool, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return -1, false, nil
	}
	if raw[0] == '[' {
		return 0, true, strict(raw, list)
	}
	if err = json.Unmarshal(raw, &count); err != nil {
		return 0, false, fmt.Errorf("want a count or a list, got %s", string(raw))
	}
	if count < 0 {
		return 0, false, fmt.Errorf("negative count %d", count)
	}
	return count, false, nil
}

// nameOrObject decodes "name" or {"name": ..., ...} into an object whose fields come from the second form.
func nameOrObject(b []byte, name *string, obj interface{}) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, name)
	}
	return strict(b, obj)
}

// strict decodes JSON refusing unknown fields, so a misspelt fixture key fails instead of being ignored.
func strict(b []byte, v interface{}) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func (n *NetSpec) UnmarshalJSON(b []byte) error {
	type plain NetSpec
	return nameOrObject(b, &n.Name, (*plain)(n))
}

func (d *DatastoreSpec) UnmarshalJSON(b []byte) error {
	type plain DatastoreSpec
	return nameOrObject(b, &d.Name, (*plain)(d))
}

func (c *ClusterSpec) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &c.Name)
	}
	type plain ClusterSpec
	var aux struct {
		plain
		Hosts json.RawMessage `json:"hosts"`
	}
	if err := strict(b, &aux); err != nil {
		return err
	}
	*c = ClusterSpec(aux.plain)
	n, isList, err := countOrList(aux.Hosts, &c.Hosts)
	if err != nil {
		return fmt.Errorf("cluster %s hosts: %v", c.Name, err)
	}
	if !isList && n >= 0 {
		c.Hosts = make([]string, n) // named later
	} else if !isList {
		c.Hosts = nil // unset: hostsPerCluster
	}
	return nil
}

func (d *DvSwitchSpec) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &d.Name)
	}
	type plain DvSwitchSpec
	var aux struct {
		plain
		Portgroups json.RawMessage `json:"portgroups"`
	}
	if err := strict(b, &aux); err != nil {
		return err
	}
	*d = DvSwitchSpec(aux.plain)
	n, isList, err := countOrList(aux.Portgroups, &d.Portgroups)
	if err != nil {
		return fmt.Errorf("dvSwitch %s portgroups: %v", d.Name, err)
	}
	if !isList && n >= 0 {
		d.Portgroups = make([]NetSpec, n)
	} else if !isList {
		d.Portgroups = nil
	}
	return nil
}

// dcRaw is the JSON form of a datacenter, whose list fields may be counts.
type dcRaw struct {
	Name                  string          `json:"name"`
	Clusters              json.RawMessage `json:"clusters"`
	HostsPerCluster       *int            `json:"hostsPerCluster"`
	StandaloneHosts       json.RawMessage `json:"standaloneHosts"`
	Datastores            json.RawMessage `json:"datastores"`
	Portgroups            json.RawMessage `json:"portgroups"`
	DvSwitches            json.RawMessage `json:"dvSwitches"`
	DvPortgroupsPerSwitch *int            `json:"dvPortgroupsPerSwitch"`
	Vms                   *int            `json:"vms"`
}

// ParseFixture decodes a fixture and fills every default, so the builder only reads complete specs.
func ParseFixture(data []byte) (*Fixture, error) {
	var raw struct {
		Fixture
		Datacenters json.RawMessage `json:"datacenters"`
	}
	raw.Fixture.ClustersPerDatacenter = -1
	raw.Fixture.HostsPerCluster = -1
	raw.Fixture.DatastoresPerDatacenter = -1
	raw.Fixture.DvSwitchesPerDatacenter = -1
	raw.Fixture.DvPortgroupsPerSwitch = -1
	raw.Fixture.VmsPerDatacenter = -1
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	f := raw.Fixture
	def := func(v *int, d int) {
		if *v < 0 {
			*v = d
		}
	}
	// the defaults make vcsim's usual small vCenter: 1 DC, 1 cluster of 3 hosts, 1 datastore, 1 DVS, 2 VMs
	def(&f.ClustersPerDatacenter, 1)
	def(&f.HostsPerCluster, 3)
	def(&f.DatastoresPerDatacenter, 1)
	def(&f.DvSwitchesPerDatacenter, 1)
	def(&f.DvPortgroupsPerSwitch, 1)
	def(&f.VmsPerDatacenter, 2)
	if f.Username == "" {
		f.Username = "user"
	}
	if f.Password == "" {
		f.Password = "pass"
	}
	switch f.ExportFormat {
	case "":
		f.ExportFormat = "flat"
	case "flat", "streamOptimized":
	default:
		return nil, fmt.Errorf("exportFormat must be flat or streamOptimized, not %q", f.ExportFormat)
	}
	if f.LeaseTimeoutSeconds <= 0 {
		f.LeaseTimeoutSeconds = 300
	}
	if f.LeaseInitMillis == nil {
		ms := 200
		f.LeaseInitMillis = &ms
	}
	if f.CbtBlockSize == 0 {
		f.CbtBlockSize = 64 * 1024
	}
	if f.CbtBlockSize < 512 || f.CbtBlockSize%512 != 0 {
		return nil, fmt.Errorf("cbtBlockSize must be a multiple of 512")
	}

	var rawDCs []dcRaw
	n, isList, err := countOrList(raw.Datacenters, &rawDCs)
	if err != nil {
		return nil, fmt.Errorf("datacenters: %v", err)
	}
	if !isList {
		if n < 0 {
			n = 1
		}
		rawDCs = make([]dcRaw, n)
	}
	names := map[string]bool{}
	for i, r := range rawDCs {
		dc, err := f.datacenter(i, r)
		if err != nil {
			return nil, err
		}
		if names[dc.Name] {
			return nil, fmt.Errorf("two datacenters named %s", dc.Name)
		}
		names[dc.Name] = true
		f.Datacenters = append(f.Datacenters, dc)
	}
	return &f, nil
}

func (f *Fixture) datacenter(i int, r dcRaw) (DatacenterSpec, error) {
	orDefault := func(v *int, d int) int {
		if v == nil {
			return d
		}
		return *v
	}
	dc := DatacenterSpec{
		Name:                  r.Name,
		HostsPerCluster:       orDefault(r.HostsPerCluster, f.HostsPerCluster),
		DvPortgroupsPerSwitch: orDefault(r.DvPortgroupsPerSwitch, f.DvPortgroupsPerSwitch),
		Vms:                   orDefault(r.Vms, f.VmsPerDatacenter),
	}
	if dc.Name == "" {
		dc.Name = fmt.Sprintf("DC%d", i)
	}
	fail := func(what string, err error) (DatacenterSpec, error) {
		return dc, fmt.Errorf("datacenter %s %s: %v", dc.Name, what, err)
	}

	n, isList, err := countOrList(r.Clusters, &dc.Clusters)
	if err != nil {
		return fail("clusters", err)
	}
	if !isList {
		if n < 0 {
			n = f.ClustersPerDatacenter
		}
		dc.Clusters = make([]ClusterSpec, n)
	}
	for ci := range dc.Clusters {
		c := &dc.Clusters[ci]
		if c.Name == "" {
			c.Name = fmt.Sprintf("%s_C%d", dc.Name, ci)
		}
		if c.Hosts == nil {
			c.Hosts = make([]string, dc.HostsPerCluster)
		}
		for hi := range c.Hosts {
			if c.Hosts[hi] == "" {
				c.Hosts[hi] = fmt.Sprintf("%s_H%d", c.Name, hi)
			}
		}
	}

	n, isList, err = countOrList(r.StandaloneHosts, &dc.StandaloneHosts)
	if err != nil {
		return fail("standaloneHosts", err)
	}
	if !isList {
		if n < 0 {
			n = f.StandaloneHostsPerDatacenter
		}
		dc.StandaloneHosts = make([]string, n)
	}
	for hi := range dc.StandaloneHosts {
		if dc.StandaloneHosts[hi] == "" {
			dc.StandaloneHosts[hi] = fmt.Sprintf("%s_H%d", dc.Name, hi)
		}
	}

	n, isList, err = countOrList(r.Datastores, &dc.Datastores)
	if err != nil {
		return fail("datastores", err)
	}
	if !isList {
		if n < 0 {
			n = f.DatastoresPerDatacenter
		}
		dc.Datastores = make([]DatastoreSpec, n)
	}
	for di := range dc.Datastores {
		if dc.Datastores[di].Name == "" {
			dc.Datastores[di].Name = fmt.Sprintf("%s_DS%d", dc.Name, di)
		}
		if dc.Datastores[di].Type == "" {
			dc.Datastores[di].Type = "VMFS"
		}
	}
	if len(dc.Datastores) == 0 && (dc.Vms > 0 || len(dc.Clusters)+len(dc.StandaloneHosts) > 0) {
		dc.Datastores = []DatastoreSpec{{Name: dc.Name + "_DS0", Type: "VMFS"}}
	}

	n, isList, err = countOrList(r.Portgroups, &dc.Portgroups)
	if err != nil {
		return fail("portgroups", err)
	}
	if !isList {
		if n < 0 {
			n = f.PortgroupsPerDatacenter
		}
		dc.Portgroups = make([]NetSpec, n)
	}
	for pi := range dc.Portgroups {
		if dc.Portgroups[pi].Name == "" {
			dc.Portgroups[pi].Name = fmt.Sprintf("%s_PG%d", dc.Name, pi)
		}
	}

	n, isList, err = countOrList(r.DvSwitches, &dc.DvSwitches)
	if err != nil {
		return fail("dvSwitches", err)
	}
	if !isList {
		if n < 0 {
			n = f.DvSwitchesPerDatacenter
		}
		dc.DvSwitches = make([]DvSwitchSpec, n)
	}
	for si := range dc.DvSwitches {
		s := &dc.DvSwitches[si]
		if s.Name == "" {
			s.Name = fmt.Sprintf("%s_DVS%d", dc.Name, si)
		}
		if s.Portgroups == nil {
			s.Portgroups = make([]NetSpec, dc.DvPortgroupsPerSwitch)
		}
		for pi := range s.Portgroups {
			if s.Portgroups[pi].Name == "" {
				s.Portgroups[pi].Name = fmt.Sprintf("%s_PG%d", s.Name, pi)
			}
		}
	}
	return dc, nil
}

// hostsOf lists the names of a datacenter's hosts: clusters' first, then standalone ones.
func (f *Fixture) hostsOf(dc *DatacenterSpec) []string {
	var hosts []string
	for _, c := range dc.Clusters {
		hosts = append(hosts, c.Hosts...)
	}
	return append(hosts, dc.StandaloneHosts...)
}

func normalizeFirmware(s string) (string, error) {
	switch strings.ToLower(s) {
	case "", "bios":
		return "bios", nil
	case "efi", "uefi":
		return "efi", nil
	}
	return "", fmt.Errorf("firmware must be bios or efi, not %q", s)
}
