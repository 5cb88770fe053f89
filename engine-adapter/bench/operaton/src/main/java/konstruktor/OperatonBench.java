package konstruktor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.task.Task;

/**
 * The bench's reference citizen service (engine-adapter/bench/reference-process.ts) on Operaton, in its own dialect:
 * three external tasks (Operaton's job workers), an exclusive gateway, a user task, a message catch. Drives it as the
 * bench drives our engine — N instances, at most IN_FLIGHT at a time, two workers per topic fetching 32 at a time —
 * and prints one JSON line: {"started","done","elapsedMs","p50Ms","p99Ms","errors"}.
 *
 * Env: OPERATON_JDBC_URL, OPERATON_JDBC_USER, OPERATON_JDBC_PASSWORD, BENCH_INSTANCES, BENCH_IN_FLIGHT, BENCH_WARMUP.
 */
public final class OperatonBench {
  private static final String PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:operaton="http://operaton.org/schema/1.0/bpmn"
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs-bench" targetNamespace="https://konstruktor.example/bench">
        <bpmn:process id="bench-permit" name="Outdoor trading permit (bench)" isExecutable="true" operaton:historyTimeToLive="P1D">
          <bpmn:startEvent id="ordered"/>
          <bpmn:sequenceFlow id="f1" sourceRef="ordered" targetRef="register"/>
          <bpmn:serviceTask id="register" operaton:type="external" operaton:topic="register"/>
          <bpmn:sequenceFlow id="f2" sourceRef="register" targetRef="checkEligibility"/>
          <bpmn:serviceTask id="checkEligibility" operaton:type="external" operaton:topic="check"/>
          <bpmn:sequenceFlow id="f3" sourceRef="checkEligibility" targetRef="eligible"/>
          <bpmn:exclusiveGateway id="eligible" default="fRejected"/>
          <bpmn:sequenceFlow id="fEligible" sourceRef="eligible" targetRef="review">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${eligible == true}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="fRejected" sourceRef="eligible" targetRef="rejected"/>
          <bpmn:endEvent id="rejected"/>
          <bpmn:userTask id="review" operaton:candidateGroups="clerks"/>
          <bpmn:sequenceFlow id="f4" sourceRef="review" targetRef="awaitPayment"/>
          <bpmn:intermediateCatchEvent id="awaitPayment"><bpmn:messageEventDefinition messageRef="payment"/></bpmn:intermediateCatchEvent>
          <bpmn:sequenceFlow id="f5" sourceRef="awaitPayment" targetRef="issuePermit"/>
          <bpmn:serviceTask id="issuePermit" operaton:type="external" operaton:topic="issue"/>
          <bpmn:sequenceFlow id="f6" sourceRef="issuePermit" targetRef="issued"/>
          <bpmn:endEvent id="issued"/>
        </bpmn:process>
        <bpmn:message id="payment" name="payment"/>
      </bpmn:definitions>
      """;

  public static void main(String[] args) throws Exception {
    int instances = Integer.parseInt(env("BENCH_INSTANCES", "1000"));
    int inFlight = Integer.parseInt(env("BENCH_IN_FLIGHT", "200"));
    int warmup = Integer.parseInt(env("BENCH_WARMUP", "100"));
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(env("OPERATON_JDBC_URL", null)).setJdbcUsername(env("OPERATON_JDBC_USER", null))
        .setJdbcPassword(env("OPERATON_JDBC_PASSWORD", "")).setJdbcDriver("org.postgresql.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE).setJobExecutorActivate(false)
        .setJdbcMaxActiveConnections(20).buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addString("bench-permit.bpmn", PROCESS).deploy();
      run(engine, "w", warmup, Math.min(inFlight, warmup));
      Result result = run(engine, "t", instances, inFlight);
      System.out.println(String.format("{\"started\":%d,\"done\":%d,\"elapsedMs\":%d,\"p50Ms\":%d,\"p99Ms\":%d,\"errors\":%d}",
          instances, result.done, result.elapsedMs, result.percentile(50), result.percentile(99), result.errors));
    } finally {
      engine.close();
    }
  }

  private record Result(int done, long elapsedMs, List<Long> latencies, int errors) {
    long percentile(int p) {
      if (latencies.isEmpty()) return -1;
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
  }

  private static Result run(ProcessEngine engine, String run, int instances, int inFlight) throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    CountDownLatch finished = new CountDownLatch(instances);
    Map<String, Long> startedAt = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    String worker = "bench-" + run;
    for (String topic : List.of("register", "check", "issue")) {
      for (int i = 0; i < 2; i++) {
        threads.add(started(() -> {
          while (!stop.get()) {
            List<LockedExternalTask> tasks = engine.getExternalTaskService().fetchAndLock(32, worker).topic(topic, 60_000).execute();
            if (tasks.isEmpty()) { pause(); continue; }
            for (LockedExternalTask task : tasks) {
              Map<String, Object> variables = topic.equals("check") ? Map.of("eligible", true) : Map.of();
              if (!retry(() -> engine.getExternalTaskService().complete(task.getId(), worker, variables), errors)) continue;
              if (topic.equals("issue")) {
                Long started = startedAt.remove(task.getProcessInstanceId());
                if (started != null) latencies.add(System.currentTimeMillis() - started);
                slots.release();
                finished.countDown();
              }
            }
          }
        }));
      }
    }
    // Officials (two, each taking the orders of one half): complete the review, then the payment arrives for that order.
    for (int i = 0; i < 2; i++) {
      int half = i;
      threads.add(started(() -> {
        while (!stop.get()) {
          List<Task> tasks = engine.getTaskService().createTaskQuery().taskDefinitionKey("review").listPage(0, 64).stream()
              .filter(t -> Math.floorMod(t.getProcessInstanceId().hashCode(), 2) == half).toList();
          if (tasks.isEmpty()) { pause(); continue; }
          for (Task task : tasks) {
            if (!retry(() -> engine.getTaskService().complete(task.getId()), errors)) continue;
            retry(() -> engine.getRuntimeService().createMessageCorrelation("payment").processInstanceId(task.getProcessInstanceId()).correlate(), errors);
          }
        }
      }));
    }
    long begin = System.currentTimeMillis();
    for (int i = 0; i < instances; i++) {
      slots.acquire();
      String orderId = run + "-" + i;
      long now = System.currentTimeMillis();
      String id = engine.getRuntimeService().startProcessInstanceByKey("bench-permit", orderId, Map.of("orderId", orderId)).getId();
      startedAt.put(id, now);
    }
    boolean all = finished.await(600, TimeUnit.SECONDS);
    long elapsed = System.currentTimeMillis() - begin;
    stop.set(true);
    for (Thread thread : threads) thread.join();
    return new Result(all ? instances : instances - (int) finished.getCount(), elapsed, latencies, errors.get());
  }

  private static Thread started(Runnable body) {
    Thread thread = new Thread(body);
    thread.start();
    return thread;
  }

  private static boolean retry(Runnable action, AtomicInteger errors) {
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        action.run();
        return true;
      } catch (RuntimeException e) {
        if (attempt == 4) errors.incrementAndGet();
      }
    }
    return false;
  }

  private static void pause() {
    try { Thread.sleep(2); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    if (value != null && !value.isBlank()) return value;
    if (fallback == null) throw new IllegalStateException(name + " is not set");
    return fallback;
  }
}
