package main

// A streamOptimized VMDK written front to back from a flat disk, the format ESXi's NFC export serves:
// header (grain directory "at end"), embedded descriptor, then for each grain holding data a grain marker and
// its deflated content; after the grains of each grain table the table (behind a GT marker); then the grain
// directory (GD marker), a footer (the header with the directory's offset) and the end-of-stream marker.
// Sector = 512 bytes, grain = 64 KiB, 512 grain table entries.

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

const (
	sector       = 512
	grainSectors = 128
	grainBytes   = grainSectors * sector
	gtEntries    = 512
	markerEOS    = 0
	markerGT     = 1
	markerGD     = 2
	markerFooter = 3
)

type streamWriter struct {
	w   io.Writer
	pos int64 // bytes written
}

func (s *streamWriter) write(p []byte) error {
	n, err := s.w.Write(p)
	s.pos += int64(n)
	return err
}

// pad writes zeros up to the next sector boundary.
func (s *streamWriter) pad() error {
	if rest := s.pos % sector; rest != 0 {
		return s.write(make([]byte, sector-rest))
	}
	return nil
}

func (s *streamWriter) sectorNow() uint64 { return uint64(s.pos / sector) }

// marker writes a metadata marker sector: numSectors of the data that follows, size 0, its type.
func (s *streamWriter) marker(numSectors uint64, kind uint32) error {
	m := make([]byte, sector)
	binary.LittleEndian.PutUint64(m[0:], numSectors)
	binary.LittleEndian.PutUint32(m[12:], kind)
	return s.write(m)
}

func sparseHeader(capacitySectors, descSectors, gdOffset uint64) []byte {
	h := make([]byte, sector)
	le := binary.LittleEndian
	copy(h[0:4], "KDMV")
	le.PutUint32(h[4:], 3)                // version
	le.PutUint32(h[8:], 1|1<<16|1<<17)    // valid newline test, compressed grains, markers
	le.PutUint64(h[12:], capacitySectors) // capacity
	le.PutUint64(h[20:], grainSectors)    // grain size
	le.PutUint64(h[28:], 1)               // descriptor offset
	le.PutUint64(h[36:], descSectors)     // descriptor size
	le.PutUint32(h[44:], gtEntries)       // entries per grain table
	le.PutUint64(h[48:], 0)               // redundant grain directory: none
	le.PutUint64(h[56:], gdOffset)        // grain directory
	le.PutUint64(h[64:], 1+descSectors)   // overhead: sectors before the first grain
	h[72] = 0                             // clean shutdown
	h[73], h[74], h[75], h[76] = '\n', ' ', '\r', '\n'
	le.PutUint16(h[77:], 1) // deflate
	return h
}

func writeStreamOptimized(w io.Writer, f *os.File, capacity int64) error {
	capSectors := uint64((capacity + sector - 1) / sector)
	desc := fmt.Sprintf(`# Disk DescriptorFile
version=1
encoding="UTF-8"
CID=fffffffe
parentCID=ffffffff
createType="streamOptimized"

# Extent description
RW %d SPARSE "disk.vmdk"

# The Disk Data Base
#DDB

ddb.adapterType = "lsilogic"
ddb.geometry.cylinders = "%d"
ddb.geometry.heads = "255"
ddb.geometry.sectors = "63"
ddb.virtualHWVersion = "13"
`, capSectors, min64(int64(capSectors)/(255*63), 65535))
	descSectors := uint64((len(desc) + sector - 1) / sector)
	if descSectors < 1 {
		descSectors = 1
	}

	s := &streamWriter{w: w}
	if err := s.write(sparseHeader(capSectors, descSectors, ^uint64(0))); err != nil {
		return err
	}
	if err := s.write([]byte(desc)); err != nil {
		return err
	}
	if err := s.pad(); err != nil {
		return err
	}

	grains := (int64(capSectors) + grainSectors - 1) / grainSectors
	tables := (grains + gtEntries - 1) / gtEntries
	gd := make([]uint32, tables)

	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	if size > capacity {
		size = capacity
	}
	extents, err := dataExtents(f, size)
	if err != nil {
		return err
	}
	hasData := map[int64]bool{}
	for _, e := range extents {
		for g := e.start / grainBytes; g <= (e.start+e.length-1)/grainBytes; g++ {
			hasData[g] = true
		}
	}

	buf := make([]byte, grainBytes)
	var compressed bytes.Buffer
	for t := int64(0); t < tables; t++ {
		gt := make([]uint32, gtEntries)
		any := false
		for i := int64(0); i < gtEntries; i++ {
			g := t*gtEntries + i
			if g >= grains || !hasData[g] {
				continue
			}
			n, err := f.ReadAt(buf, g*grainBytes)
			if err != nil && err != io.EOF {
				return err
			}
			for k := n; k < len(buf); k++ {
				buf[k] = 0
			}
			data := buf
			if rest := capacity - g*grainBytes; rest < grainBytes {
				data = buf[:rest]
			}
			if allZero(data) {
				continue
			}
			compressed.Reset()
			zw, _ := zlib.NewWriterLevel(&compressed, zlib.BestSpeed)
			_, _ = zw.Write(data)
			_ = zw.Close()
			gt[i] = uint32(s.sectorNow())
			any = true
			head := make([]byte, 12)
			binary.LittleEndian.PutUint64(head[0:], uint64(g*grainSectors))
			binary.LittleEndian.PutUint32(head[8:], uint32(compressed.Len()))
			if err := s.write(head); err != nil {
				return err
			}
			if err := s.write(compressed.Bytes()); err != nil {
				return err
			}
			if err := s.pad(); err != nil {
				return err
			}
		}
		if !any {
			continue
		}
		if err := s.marker(gtEntries*4/sector, markerGT); err != nil {
			return err
		}
		gd[t] = uint32(s.sectorNow())
		table := make([]byte, gtEntries*4)
		for i, v := range gt {
			binary.LittleEndian.PutUint32(table[i*4:], v)
		}
		if err := s.write(table); err != nil {
			return err
		}
	}

	gdBytes := make([]byte, roundUp(int64(len(gd))*4, sector))
	for i, v := range gd {
		binary.LittleEndian.PutUint32(gdBytes[i*4:], v)
	}
	if err := s.marker(uint64(len(gdBytes)/sector), markerGD); err != nil {
		return err
	}
	gdOffset := s.sectorNow()
	if err := s.write(gdBytes); err != nil {
		return err
	}
	if err := s.marker(1, markerFooter); err != nil {
		return err
	}
	if err := s.write(sparseHeader(capSectors, descSectors, gdOffset)); err != nil {
		return err
	}
	return s.marker(0, markerEOS)
}

func min64(a, b int64) int64 {
	if a < b {
		return a
	}
	return b
}
