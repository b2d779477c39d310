package main

// Disk files in the datastores: <vm>/<disk>.vmdk (a monolithicFlat descriptor) and <vm>/<disk>-flat.vmdk
// (the raw extent). Sources are copied sparsely (holes stay holes), or linked.

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
)

const (
	seekData = 3 // SEEK_DATA, Linux
	seekHole = 4 // SEEK_HOLE, Linux
	ficlone  = 0x40049409
)

func mkdirAll(dir string) error { return os.MkdirAll(dir, 0755) }

// placeDisk writes the disk's files into <dsDir>/<vm>/ and returns its capacity in bytes.
func placeDisk(dsDir, vm string, d *DiskSpec, thin bool) (int64, error) {
	vmDir := filepath.Join(dsDir, safeName(vm))
	if err := mkdirAll(vmDir); err != nil {
		return 0, err
	}
	flat := filepath.Join(vmDir, d.Name+"-flat.vmdk")
	capacity := d.CapacityBytes
	if capacity == 0 {
		capacity = d.CapacityMB * 1024 * 1024
	}

	if d.Source == "" {
		if capacity <= 0 {
			return 0, fmt.Errorf("neither a capacity nor a source")
		}
		capacity = roundUp(capacity, 1024)
		f, err := os.Create(flat)
		if err != nil {
			return 0, err
		}
		err = f.Truncate(capacity)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return 0, err
		}
	} else {
		src, err := resolveSource(d.Source)
		if err != nil {
			return 0, err
		}
		st, err := os.Stat(src)
		if err != nil {
			return 0, err
		}
		size := st.Size()
		if capacity == 0 {
			capacity = roundUp(size, 1024)
		}
		if capacity < size {
			return 0, fmt.Errorf("capacity %d is smaller than the source %s (%d bytes)", capacity, src, size)
		}
		if capacity%1024 != 0 {
			return 0, fmt.Errorf("capacity %d is not a multiple of 1024", capacity)
		}
		mode := d.SourceMode
		if mode == "" {
			mode = "copy"
		}
		switch mode {
		case "copy":
			if err := copySparse(src, flat, capacity); err != nil {
				return 0, err
			}
		case "symlink", "hardlink":
			if size != capacity {
				return 0, fmt.Errorf("sourceMode %s needs a source of exactly the capacity (a multiple of 1024 bytes): %s has %d bytes", mode, src, size)
			}
			abs, _ := filepath.Abs(src)
			if mode == "symlink" {
				err = os.Symlink(abs, flat)
			} else {
				err = os.Link(abs, flat)
			}
			if err != nil {
				return 0, err
			}
		default:
			return 0, fmt.Errorf("sourceMode must be copy, symlink or hardlink, not %q", mode)
		}
	}
	return capacity, writeDescriptor(filepath.Join(vmDir, d.Name+".vmdk"), d.Name+"-flat.vmdk", capacity, d.Uuid, thin)
}

func roundUp(n, m int64) int64 { return (n + m - 1) / m * m }

var extentLine = regexp.MustCompile(`^\s*RW\s+\d+\s+(?:FLAT|VMFS)\s+"([^"]+)"(?:\s+(\d+))?`)

// resolveSource accepts a raw image or a flat VMDK extent as it is; of a flat VMDK descriptor it takes the
// extent it names. Sparse VMDKs (hosted sparse, streamOptimized) are refused: convert them to raw first.
func resolveSource(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.HasPrefix(head, []byte("KDMV")) || bytes.HasPrefix(head, []byte("COWD")) {
		return "", fmt.Errorf("%s is a sparse VMDK: convert it first (qemu-img convert -O raw)", path)
	}
	if !bytes.HasPrefix(head, []byte("# Disk DescriptorFile")) {
		return path, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := extentLine.FindStringSubmatch(sc.Text()); m != nil {
			if m[2] != "" && m[2] != "0" {
				return "", fmt.Errorf("%s: extents at an offset are not supported", path)
			}
			extent := m[1]
			if !filepath.IsAbs(extent) {
				extent = filepath.Join(filepath.Dir(path), extent)
			}
			return extent, nil
		}
	}
	return "", fmt.Errorf("%s: a descriptor without a FLAT extent (only flat VMDKs can be placed)", path)
}

// copySparse copies src to dst (a reflink when the file system can), keeping holes, and sizes dst to size.
func copySparse(src, dst string, size int64) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0644)
	if err != nil {
		return err
	}
	err = func() error {
		if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, out.Fd(), ficlone, in.Fd()); errno == 0 {
			return nil
		}
		st, err := in.Stat()
		if err != nil {
			return err
		}
		extents, err := dataExtents(in, st.Size())
		if err != nil {
			return err
		}
		buf := make([]byte, 1<<20)
		for _, e := range extents {
			if _, err := copyRange(out, in, e.start, e.length, buf); err != nil {
				return err
			}
		}
		return nil
	}()
	if err == nil {
		err = out.Truncate(size)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyRange copies length bytes at off of in to the same offset of out, skipping all-zero chunks.
func copyRange(out, in *os.File, off, length int64, buf []byte) (int64, error) {
	var done int64
	for done < length {
		chunk := int64(len(buf))
		if length-done < chunk {
			chunk = length - done
		}
		n, err := in.ReadAt(buf[:chunk], off+done)
		if n > 0 && !allZero(buf[:n]) {
			if _, werr := out.WriteAt(buf[:n], off+done); werr != nil {
				return done, werr
			}
		}
		done += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

func allZero(b []byte) bool {
	for len(b) >= 8 {
		if b[0]|b[1]|b[2]|b[3]|b[4]|b[5]|b[6]|b[7] != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

type extent struct{ start, length int64 }

// dataExtents lists the regions of f (of the given size) that hold data, by SEEK_DATA/SEEK_HOLE; where the
// file system cannot tell, the whole file is one region.
func dataExtents(f *os.File, size int64) ([]extent, error) {
	var out []extent
	off := int64(0)
	for off < size {
		data, err := f.Seek(off, seekData)
		if err != nil {
			if errors.Is(err, syscall.ENXIO) {
				break // only a hole remains
			}
			if errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.EOPNOTSUPP) {
				return []extent{{off, size - off}}, nil
			}
			return nil, err
		}
		if data >= size {
			break
		}
		hole, err := f.Seek(data, seekHole)
		if err != nil {
			return nil, err
		}
		if hole > size {
			hole = size
		}
		out = append(out, extent{data, hole - data})
		off = hole
	}
	return out, nil
}

// writeDescriptor writes a monolithicFlat VMDK descriptor for a flat extent of capacity bytes.
func writeDescriptor(path, extentName string, capacity int64, uuid string, thin bool) error {
	sectors := capacity / 512
	cylinders := sectors / (255 * 63)
	if cylinders > 65535 {
		cylinders = 65535
	}
	if cylinders < 1 {
		cylinders = 1
	}
	sum := sha1.Sum([]byte(path))
	var ddbUUID []string
	for _, c := range strings.ReplaceAll(uuid, "-", "") {
		ddbUUID = append(ddbUUID, string(c))
	}
	pairs := make([]string, 0, 16)
	for i := 0; i+1 < len(ddbUUID); i += 2 {
		pairs = append(pairs, strings.ToLower(ddbUUID[i]+ddbUUID[i+1]))
	}
	thinFlag := "0"
	if thin {
		thinFlag = "1"
	}
	text := fmt.Sprintf(`# Disk DescriptorFile
version=1
encoding="UTF-8"
CID=%08x
parentCID=ffffffff
createType="monolithicFlat"

# Extent description
RW %d FLAT "%s" 0

# The Disk Data Base
#DDB

ddb.adapterType = "lsilogic"
ddb.geometry.cylinders = "%d"
ddb.geometry.heads = "255"
ddb.geometry.sectors = "63"
ddb.longContentID = "%x"
ddb.thinProvisioned = "%s"
ddb.uuid = "%s"
ddb.virtualHWVersion = "13"
`, uint32(sum[0])<<24|uint32(sum[1])<<16|uint32(sum[2])<<8|uint32(sum[3]), sectors, extentName, cylinders,
		sum[4:20], thinFlag, strings.Join(pairs, " "))
	return os.WriteFile(path, []byte(text), 0644)
}
