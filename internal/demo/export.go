package demo

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
)

// Names of the ground-truth files Export writes beside the exports.
const (
	TruthFileName   = "truth.csv"
	PlantedFileName = "planted.json"
)

// batchSize is how many customers one worker generates at a time: big enough to amortise the hand-off,
// small enough that a few batches in flight stay a few megabytes.
const batchSize = 512

// batch is the formatted output of customers [lo, hi): the bytes of each file (and truth.csv at index
// numFiles), the rows written and the tally.
type batch struct {
	buf   [numFiles + 1][]byte
	rows  [numFiles]int
	tally tally
}

// Export writes the demo's six exports, their recipes (<file>.recipe.json), truth.csv and planted.json
// into dir (created if missing) and returns what it wrote. The output depends only on opts: the same
// options give byte-identical files. Customers are generated in parallel batches, each from its own
// seeded random stream, and written in customer order through buffered writers, so memory stays flat
// whatever the size.
func Export(dir string, opts Options) (Manifest, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return Manifest{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Manifest{}, err
	}
	out, err := createOutputs(dir)
	if err != nil {
		return Manifest{}, err
	}
	defer out.close()
	heads := [numFiles + 1]string{"", headerCRM, headerMail, headerTickets, headerStore, headerOrders, headerTruth}
	for i, h := range heads {
		if _, err := out.w[i].WriteString(h); err != nil {
			return Manifest{}, err
		}
	}

	personaOf := assignPersonas(o.Customers, o.Seed)
	var rows [numFiles]int
	var total tally
	if err := generate(o, personaOf, func(b *batch) error {
		for i := range b.buf {
			if _, err := out.w[i].Write(b.buf[i]); err != nil {
				return err
			}
		}
		for i := range rows {
			rows[i] += b.rows[i]
		}
		total.add(&b.tally)
		batchPool.Put(b)
		return nil
	}); err != nil {
		return Manifest{}, err
	}
	if err := out.finish(); err != nil {
		return Manifest{}, err
	}

	m := Manifest{TruthFile: TruthFileName, PlantedFile: PlantedFileName, Planted: total.planted(o)}
	for i := range numFiles {
		f := File{Name: fileNames[i], Source: fileSources[i], Recipe: recipe(i), Rows: rows[i]}
		if err := writeJSON(filepath.Join(dir, f.Name+".recipe.json"), f.Recipe); err != nil {
			return Manifest{}, err
		}
		m.Files = append(m.Files, f)
	}
	if err := writeJSON(filepath.Join(dir, PlantedFileName), m.Planted); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// generate runs workers over batches of customers and hands the batches to emit in customer order.
func generate(o Options, personaOf []uint8, emit func(*batch) error) error {
	n := len(personaOf)
	workers := max(1, runtime.GOMAXPROCS(0))
	jobs := make(chan *batchJob, workers*2)
	order := make(chan *batchJob, workers*2)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := newGen(o)
			for j := range jobs {
				j.b = g.batch(j.lo, j.hi, personaOf)
				close(j.ready)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for lo := 0; lo < n; lo += batchSize {
			j := &batchJob{lo: lo, hi: min(n, lo+batchSize), ready: make(chan struct{})}
			select {
			case order <- j:
			case <-stop:
				return
			}
			select {
			case jobs <- j:
			case <-stop:
				return
			}
		}
	}()
	var err error
	for j := range order {
		if err != nil {
			continue
		}
		<-j.ready
		if e := emit(j.b); e != nil {
			err = e
			close(stop)
		}
	}
	wg.Wait()
	return err
}

// batchPool recycles batches so their buffers, grown to a batch's size once, are not grown again.
var batchPool = sync.Pool{New: func() any { return new(batch) }}

type batchJob struct {
	lo, hi int
	b      *batch
	ready  chan struct{}
}

// batch generates and formats customers [lo, hi).
func (g *gen) batch(lo, hi int, personaOf []uint8) *batch {
	b := batchPool.Get().(*batch)
	for i := range b.buf {
		b.buf[i] = b.buf[i][:0]
	}
	b.rows, b.tally = [numFiles]int{}, tally{}
	for idx := lo; idx < hi; idx++ {
		c := g.customer(idx, int(personaOf[idx]))
		b.tally.count(c)
		b.add(c)
	}
	return b
}

// add formats one customer's rows, each file's rows in time order, and the person's truth.csv lines.
func (b *batch) add(c *customer) {
	slices.SortStableFunc(c.web, func(x, y webRow) int { return cmp64(x.t, y.t) })
	slices.SortStableFunc(c.emails, func(x, y emailRow) int { return cmp64(x.t, y.t) })
	slices.SortStableFunc(c.tickets, func(x, y ticketRow) int { return cmp64(x.created, y.created) })
	slices.SortStableFunc(c.visits, func(x, y storeRow) int { return cmp64(x.t, y.t) })
	slices.SortStableFunc(c.orders, func(x, y orderRow) int { return cmp64(x.t, y.t) })
	for i := range c.web {
		b.buf[fileWeb] = appendWeb(b.buf[fileWeb], &c.web[i])
	}
	for i := range c.crm {
		b.buf[fileCRM] = appendCRM(b.buf[fileCRM], &c.crm[i])
	}
	for i := range c.emails {
		b.buf[fileMail] = appendMail(b.buf[fileMail], &c.emails[i])
	}
	for i := range c.tickets {
		b.buf[fileTickets] = appendTicket(b.buf[fileTickets], &c.tickets[i])
	}
	for i := range c.visits {
		b.buf[fileStore] = appendStore(b.buf[fileStore], &c.visits[i])
	}
	for i := range c.orders {
		b.buf[fileOrders] = appendOrder(b.buf[fileOrders], &c.orders[i])
	}
	b.rows[fileWeb] += len(c.web)
	b.rows[fileCRM] += len(c.crm)
	b.rows[fileMail] += len(c.emails)
	b.rows[fileTickets] += len(c.tickets)
	b.rows[fileStore] += len(c.visits)
	b.rows[fileOrders] += len(c.orders)

	persona := personas[c.persona].name
	t := b.buf[numFiles]
	if c.usedID {
		t = appendTruth(t, "customer_id", c.id, c.person, persona)
	}
	if c.usedEmail {
		t = appendTruth(t, "email", c.email, c.person, persona)
	}
	if c.usedPhone {
		t = appendTruth(t, "phone", c.phone, c.person, persona)
	}
	for _, d := range c.devices {
		if d.used {
			t = appendTruth(t, "anonymous_id", d.anon, c.person, persona)
		}
	}
	b.buf[numFiles] = t
}

func cmp64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// outputs are the seven files Export streams into.
type outputs struct {
	f [numFiles + 1]*os.File
	w [numFiles + 1]*bufio.Writer
}

func createOutputs(dir string) (*outputs, error) {
	o := &outputs{}
	for i := range o.f {
		name := TruthFileName
		if i < numFiles {
			name = fileNames[i]
		}
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			o.close()
			return nil, err
		}
		o.f[i] = f
		o.w[i] = bufio.NewWriterSize(f, 1<<20)
	}
	return o, nil
}

// finish flushes and closes every file, reporting the first error.
func (o *outputs) finish() error {
	var first error
	for i, f := range o.f {
		if f == nil {
			continue
		}
		if err := o.w[i].Flush(); err != nil && first == nil {
			first = fmt.Errorf("writing %s: %w", f.Name(), err)
		}
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
		o.f[i] = nil
	}
	return first
}

// close releases files after a failure; finish already closed them on success.
func (o *outputs) close() {
	for i, f := range o.f {
		if f != nil {
			f.Close()
			o.f[i] = nil
		}
	}
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
