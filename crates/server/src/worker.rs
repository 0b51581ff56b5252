//! Queries evaluated in worker processes, so that the time and memory limits hold for
//! every query.
//!
//! Oxigraph checks its cancellation token only where it reads the store: a cross
//! product, a sort or a property path over data it already holds runs on, and grows,
//! long after the token is cancelled, and a thread cannot be stopped from outside. A
//! process can: each query is sent to a worker (a process that opened the store
//! read-only and runs [`run_worker`]), which answers with the serialized results; at
//! the deadline the worker is killed. The worker's data segment is capped
//! ([`limit_memory`]), so a query that needs more memory fails in the worker, which
//! dies, and never in the server.
//!
//! A [`WorkerPool`] keeps workers warm between queries: one that answered takes the
//! next query, one that was killed is replaced at once, and [`WorkerPool::renew`]
//! replaces them all after an update, since a store opened read-only does not see
//! later writes.
//!
//! The protocol, over the worker's standard input and output: one JSON line per
//! request ([`WorkerRequest`]); one JSON line per reply, followed, for an answer, by
//! the bytes of the body.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use actorgraph_store::{write_results, Backend, Dataset, ResultsFormat, StoreError};
use serde::{Deserialize, Serialize};

use crate::error::ServerError;
use crate::respond::serialize;

/// How long a worker goes on past its deadline before it ends itself. The pool kills it
/// at the deadline; this only matters when the process that started it is gone.
const ORPHAN_GRACE: Duration = Duration::from_secs(2);

/// The smallest memory limit a worker is started with: below it, opening the store and
/// the program itself do not fit.
pub const MIN_MEMORY_MB: u64 = 256;

/// How to start workers, how many may run at once and the memory each may take.
#[derive(Debug, Clone)]
pub struct WorkerSetup {
    /// A program that opens the store read-only, calls [`limit_memory`] with
    /// `memory_limit_mb` and runs [`run_worker`] over its standard input and output
    /// (`actorgraph query-worker`).
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// Environment variables set for the workers, besides the server's own.
    pub envs: Vec<(OsString, OsString)>,
    /// Workers at once: as many queries are evaluated at the same time, and a query
    /// that finds them all busy waits for one, within its time limit.
    pub workers: usize,
    /// What each worker may allocate, in MiB; named in the error when a query needs more.
    pub memory_limit_mb: u64,
}

/// A query as a worker takes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorkerRequest {
    pub query: String,
    /// `default-graph-uri` and `named-graph-uri` of the protocol; empty, the query's own.
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
    pub output: Output,
    /// The query's time limit in milliseconds, after which the worker ends itself (with
    /// some grace) should nobody kill it.
    pub timeout_ms: u64,
}

/// How the answer is written.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Output {
    /// By content negotiation, from an HTTP `Accept` header (none: the defaults).
    Accept(Option<String>),
    /// In one of [`ResultsFormat`]'s formats, by name (`table`, `csv`, …).
    Format(String),
}

/// What a worker answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerAnswer {
    /// The results, serialized.
    Answer { media_type: String, body: Vec<u8> },
    /// Nothing acceptable to the client: the media types this query can answer in.
    NotAcceptable(String),
    /// The query or a graph IRI is malformed.
    BadRequest(String),
    /// The query could not be evaluated.
    Failed(String),
}

/// The first line of a reply.
#[derive(Debug, Serialize, Deserialize)]
enum ReplyHead {
    Answer { media_type: String, len: u64 },
    NotAcceptable(String),
    BadRequest(String),
    Failed(String),
}

/// Caps the data segment of this process (heap and every private writable mapping) at
/// `megabytes` MiB: past it allocations fail, and the process aborts, rather than the
/// machine running out of memory.
pub fn limit_memory(megabytes: u64) -> Result<(), ServerError> {
    let bytes = megabytes.saturating_mul(1 << 20);
    rlimit::setrlimit(rlimit::Resource::DATA, bytes, bytes).map_err(|e| ServerError::Worker {
        message: format!("cannot limit memory to {megabytes} MiB: {e}"),
    })
}

/// Answers the requests read from `input` on `output` until `input` ends: the loop of a
/// worker process. A query that outlives its time limit by [`ORPHAN_GRACE`] ends the
/// process.
pub fn run_worker(
    store: &(impl Backend + ?Sized),
    input: impl BufRead,
    mut output: impl Write,
) -> Result<(), ServerError> {
    let watchdog = Watchdog::start();
    for line in input.lines() {
        let line = line.map_err(protocol)?;
        if line.trim().is_empty() {
            continue;
        }
        let request: WorkerRequest = serde_json::from_str(&line).map_err(protocol)?;
        watchdog.arm(Duration::from_millis(request.timeout_ms) + ORPHAN_GRACE);
        let (head, body) = match evaluate(store, &request) {
            WorkerAnswer::Answer { media_type, body } => (
                ReplyHead::Answer {
                    media_type,
                    len: body.len() as u64,
                },
                body,
            ),
            WorkerAnswer::NotAcceptable(m) => (ReplyHead::NotAcceptable(m), Vec::new()),
            WorkerAnswer::BadRequest(m) => (ReplyHead::BadRequest(m), Vec::new()),
            WorkerAnswer::Failed(m) => (ReplyHead::Failed(m), Vec::new()),
        };
        watchdog.disarm();
        let mut head = serde_json::to_vec(&head).map_err(protocol)?;
        head.push(b'\n');
        output
            .write_all(&head)
            .and_then(|()| output.write_all(&body))
            .and_then(|()| output.flush())
            .map_err(protocol)?;
    }
    Ok(())
}

fn protocol(e: impl fmt::Display) -> ServerError {
    ServerError::Worker {
        message: format!("query worker: {e}"),
    }
}

/// Evaluates a request and serializes its answer.
pub(crate) fn evaluate(store: &(impl Backend + ?Sized), request: &WorkerRequest) -> WorkerAnswer {
    let dataset = match Dataset::from_params(&request.default_graphs, &request.named_graphs) {
        Ok(d) => d,
        Err(e) => return WorkerAnswer::BadRequest(e.to_string()),
    };
    let results = match store.query_with(&request.query, &dataset, None) {
        Ok(r) => r,
        Err(e @ StoreError::QuerySyntax(_)) => return WorkerAnswer::BadRequest(e.to_string()),
        Err(e) => return WorkerAnswer::Failed(e.to_string()),
    };
    let written = match &request.output {
        Output::Accept(accept) => serialize(results, accept.as_deref()).map(|s| match s {
            Ok((media_type, body)) => WorkerAnswer::Answer {
                media_type: media_type.to_owned(),
                body,
            },
            Err(offered) => WorkerAnswer::NotAcceptable(offered.to_owned()),
        }),
        Output::Format(name) => match name.parse::<ResultsFormat>() {
            Ok(format) => {
                let mut body = Vec::new();
                write_results(results, format, &mut body).map(|()| WorkerAnswer::Answer {
                    media_type: format.media_type().to_owned(),
                    body,
                })
            }
            Err(e) => return WorkerAnswer::BadRequest(e),
        },
    };
    written.unwrap_or_else(|e| WorkerAnswer::Failed(e.to_string()))
}

/// Ends the process when a query runs past its time plus grace: a worker whose parent
/// died (killed with it, it would have killed the worker) does not run on.
struct Watchdog {
    arm: mpsc::Sender<Option<Duration>>,
}

impl Watchdog {
    fn start() -> Self {
        let (arm, armed) = mpsc::channel::<Option<Duration>>();
        thread::spawn(move || {
            let mut limit: Option<Duration> = None;
            loop {
                let next = match limit {
                    None => armed.recv().map_err(|_| RecvTimeoutError::Disconnected),
                    Some(l) => armed.recv_timeout(l),
                };
                match next {
                    Ok(l) => limit = l,
                    Err(RecvTimeoutError::Timeout) => std::process::abort(),
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        });
        Self { arm }
    }

    fn arm(&self, limit: Duration) {
        let _ = self.arm.send(Some(limit));
    }

    fn disarm(&self) {
        let _ = self.arm.send(None);
    }
}

/// Worker processes, started on demand and kept for the next query.
pub struct WorkerPool {
    setup: WorkerSetup,
    state: Mutex<PoolState>,
    freed: Condvar,
}

struct PoolState {
    idle: Vec<Worker>,
    /// Workers taken by a query now.
    busy: usize,
    /// Raised by [`WorkerPool::renew`]: workers of an older generation are not reused.
    generation: u64,
}

struct Worker {
    child: Arc<Mutex<Child>>,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    generation: u64,
}

impl Drop for Worker {
    fn drop(&mut self) {
        let mut child = lock(&self.child);
        let _ = child.kill();
        let _ = child.wait();
    }
}

impl fmt::Debug for WorkerPool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WorkerPool")
            .field("setup", &self.setup)
            .finish_non_exhaustive()
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl WorkerPool {
    /// A pool that starts its workers with `setup`. One is started now, so that a
    /// program that cannot start fails here; the others as queries come.
    pub fn new(setup: WorkerSetup) -> Result<Self, ServerError> {
        let pool = Self {
            setup: WorkerSetup {
                workers: setup.workers.max(1),
                ..setup
            },
            state: Mutex::new(PoolState {
                idle: Vec::new(),
                busy: 0,
                generation: 0,
            }),
            freed: Condvar::new(),
        };
        let first = pool.spawn(0)?;
        lock(&pool.state).idle.push(first);
        Ok(pool)
    }

    /// The memory limit of each worker, in MiB.
    pub fn memory_limit_mb(&self) -> u64 {
        self.setup.memory_limit_mb
    }

    fn spawn(&self, generation: u64) -> Result<Worker, ServerError> {
        let mut child = Command::new(&self.setup.program)
            .args(&self.setup.args)
            .envs(self.setup.envs.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| ServerError::Worker {
                message: format!(
                    "cannot start a query worker ({}): {e}",
                    self.setup.program.display()
                ),
            })?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ServerError::Worker {
                message: "a query worker started without its pipes".to_owned(),
            });
        };
        Ok(Worker {
            child: Arc::new(Mutex::new(child)),
            stdin,
            stdout: BufReader::new(stdout),
            generation,
        })
    }

    /// Every query from now on is answered by a worker started after this call: what
    /// the store holds now, it sees. Idle workers are ended now, busy ones when their
    /// query ends; new ones are started as queries come, so that a run of updates (an
    /// ingest over HTTP) starts none.
    pub fn renew(&self) {
        let stale = {
            let mut state = lock(&self.state);
            state.generation += 1;
            std::mem::take(&mut state.idle)
        };
        drop(stale);
    }

    /// Runs a query in a worker, which is killed if the query is not answered within
    /// `timeout` (counted from now, waiting for a free worker included).
    pub fn run(
        &self,
        request: &WorkerRequest,
        timeout: Duration,
    ) -> Result<WorkerAnswer, ServerError> {
        let deadline = Instant::now() + timeout;
        let timed_out = || ServerError::Timeout {
            seconds: timeout.as_secs_f64(),
        };
        let mut worker = self.checkout(deadline).ok_or_else(timed_out)?;
        let outcome = exchange(&mut worker, request, deadline);
        match outcome {
            Exchange::Answered(answer) => {
                self.checkin(Some(worker));
                Ok(answer)
            }
            Exchange::AnsweredAndKilled(answer) => {
                self.checkin(None);
                drop(worker);
                Ok(answer)
            }
            Exchange::Killed => {
                drop(worker);
                self.checkin(None);
                Err(timed_out())
            }
            Exchange::Died(io_error) => {
                let why = self.why_dead(&mut worker, io_error);
                drop(worker);
                self.checkin(None);
                Err(why)
            }
        }
    }

    /// A worker for one query: an idle one of the current generation, or a new one
    /// while fewer than `workers` run; `None` when none is free by the deadline.
    fn checkout(&self, deadline: Instant) -> Option<Worker> {
        let mut state = lock(&self.state);
        while state.busy >= self.setup.workers {
            let left = deadline.checked_duration_since(Instant::now())?;
            state = self
                .freed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        state.busy += 1;
        let generation = state.generation;
        if let Some(w) = state.idle.pop() {
            return Some(w);
        }
        drop(state);
        match self.spawn(generation) {
            Ok(w) => Some(w),
            Err(_) => {
                self.checkin(None);
                None
            }
        }
    }

    /// Gives back a worker that answered, or (`None`) the place of one that is gone,
    /// which a new worker takes at once so the next query finds it warm.
    fn checkin(&self, worker: Option<Worker>) {
        let mut state = lock(&self.state);
        state.busy = state.busy.saturating_sub(1);
        let generation = state.generation;
        let (keep, stale) = match worker {
            Some(w) if w.generation == generation => (Some(w), None),
            other => (None, other),
        };
        let replace = keep.is_none() && state.idle.len() + state.busy < self.setup.workers;
        if let Some(w) = keep {
            state.idle.push(w);
        }
        drop(state);
        self.freed.notify_one();
        // Killed and reaped outside the lock.
        drop(stale);
        if replace {
            if let Ok(w) = self.spawn(generation) {
                let mut state = lock(&self.state);
                if state.generation == generation
                    && state.idle.len() + state.busy < self.setup.workers
                {
                    state.idle.push(w);
                }
            }
        }
    }

    /// Why a worker stopped answering: out of memory, or another failure, with what it
    /// said on standard error.
    fn why_dead(&self, worker: &mut Worker, io_error: io::Error) -> ServerError {
        let mut child = lock(&worker.child);
        let _ = child.kill();
        let status = child.wait().ok();
        let mut said = String::new();
        if let Some(mut err) = child.stderr.take() {
            let _ = err.read_to_string(&mut said);
        }
        // Rust's allocator and C++'s `new` say so when the data segment is full.
        if said.contains("memory allocation of")
            || said.contains("bad_alloc")
            || said.contains("out of memory")
        {
            return ServerError::MemoryLimit {
                megabytes: self.setup.memory_limit_mb,
            };
        }
        let said = said.trim();
        let last = said.lines().last().unwrap_or("").trim();
        ServerError::Worker {
            message: match (last.is_empty(), status) {
                (false, _) => format!("the query worker failed: {last}"),
                (true, Some(s)) => format!("the query worker stopped ({s})"),
                (true, None) => format!("the query worker stopped: {io_error}"),
            },
        }
    }
}

enum Exchange {
    Answered(WorkerAnswer),
    /// Answered just as the deadline passed: the answer stands, the worker is gone.
    AnsweredAndKilled(WorkerAnswer),
    Killed,
    Died(io::Error),
}

/// Sends a request and reads the reply, killing the worker at the deadline.
fn exchange(worker: &mut Worker, request: &WorkerRequest, deadline: Instant) -> Exchange {
    let killed = Arc::new(AtomicBool::new(false));
    let (done, wait) = mpsc::channel::<()>();
    let timer = {
        let child = Arc::clone(&worker.child);
        let killed = Arc::clone(&killed);
        thread::spawn(move || {
            let left = deadline.saturating_duration_since(Instant::now());
            if let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(left) {
                let mut child = lock(&child);
                killed.store(true, Ordering::SeqCst);
                let _ = child.kill();
            }
        })
    };
    let reply = send_and_read(worker, request);
    drop(done);
    let _ = timer.join();
    match (reply, killed.load(Ordering::SeqCst)) {
        (Ok(answer), false) => Exchange::Answered(answer),
        (Ok(answer), true) => Exchange::AnsweredAndKilled(answer),
        (Err(_), true) => Exchange::Killed,
        (Err(e), false) => Exchange::Died(e),
    }
}

fn send_and_read(worker: &mut Worker, request: &WorkerRequest) -> io::Result<WorkerAnswer> {
    let mut line = serde_json::to_vec(request).map_err(io::Error::other)?;
    line.push(b'\n');
    worker.stdin.write_all(&line)?;
    worker.stdin.flush()?;
    let mut head = String::new();
    if worker.stdout.read_line(&mut head)? == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "the worker closed its output",
        ));
    }
    let head: ReplyHead = serde_json::from_str(&head).map_err(io::Error::other)?;
    Ok(match head {
        ReplyHead::Answer { media_type, len } => {
            // The body was held whole in the worker, within its memory limit.
            let mut body = Vec::with_capacity(usize::try_from(len).unwrap_or(0).min(1 << 20));
            (&mut worker.stdout).take(len).read_to_end(&mut body)?;
            if body.len() as u64 != len {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the worker's answer was cut short",
                ));
            }
            WorkerAnswer::Answer { media_type, body }
        }
        ReplyHead::NotAcceptable(m) => WorkerAnswer::NotAcceptable(m),
        ReplyHead::BadRequest(m) => WorkerAnswer::BadRequest(m),
        ReplyHead::Failed(m) => WorkerAnswer::Failed(m),
    })
}
