package konstruktor;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What an agency's developer does with the official Java client against Konstruktor's engine: deploy the reference
 * process, start instances, work the "charge" jobs with a job worker (completing some, throwing the BPMN error
 * REJECTED for others), then assign and complete the "review" user tasks the errors lead to. Exits 0 when every
 * instance completed, each job worked exactly once; else prints what is wrong and exits 1.
 *
 * Usage: ENGINE_URL=http://127.0.0.1:8088 ENGINE_USER=… ENGINE_PASSWORD=… java -cp … konstruktor.ClientCheck client-check.bpmn
 */
public final class ClientCheck {
  private static final int INSTANCES = 20;
  private static final int LIMIT = 100;

  public static void main(String[] args) throws Exception {
    if (args.length != 1) fail("usage: ClientCheck <client-check.bpmn>");
    CredentialsProvider credentials = CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
        .username(env("ENGINE_USER")).password(env("ENGINE_PASSWORD")).build();
    try (CamundaClient client = CamundaClient.newClientBuilder()
        .restAddress(URI.create(env("ENGINE_URL")))
        .preferRestOverGrpc(true)
        .credentialsProvider(credentials)
        .build()) {
      String version = client.newTopologyRequest().send().join().getGatewayVersion();
      System.out.println("java client: engine answers, version " + version);

      long definitionKey = client.newDeployResourceCommand().addResourceFile(args[0]).send().join()
          .getProcesses().get(0).getProcessDefinitionKey();
      System.out.println("java client: deployed client-check as " + definitionKey);

      List<Long> started = new ArrayList<>();
      int rejected = 0;
      for (int i = 0; i < INSTANCES; i++) {
        int amount = i * 10;
        if (amount > LIMIT) rejected++;
        ProcessInstanceEvent event = client.newCreateInstanceCommand().bpmnProcessId("client-check").latestVersion()
            .variables(Map.of("amount", amount)).send().join();
        started.add(event.getProcessInstanceKey());
      }

      Map<Long, Integer> worked = new ConcurrentHashMap<>();
      try (JobWorker worker = client.newWorker().jobType("charge")
          .handler((jobClient, job) -> {
            worked.merge(job.getKey(), 1, Integer::sum);
            int amount = ((Number) job.getVariablesAsMap().get("amount")).intValue();
            if (amount > LIMIT) {
              jobClient.newThrowErrorCommand(job.getKey()).errorCode("REJECTED").errorMessage("over the limit").send().join();
            } else {
              jobClient.newCompleteCommand(job.getKey()).variables(Map.of("charged", amount)).send().join();
            }
          })
          .name("java-client-check").timeout(Duration.ofSeconds(30)).maxJobsActive(8)
          .pollInterval(Duration.ofMillis(100)).requestTimeout(Duration.ofSeconds(5)).streamEnabled(false)
          .open()) {
        int expectedTasks = rejected;
        waitFor("the review tasks", () -> reviewTasks(client).size() == expectedTasks);
        for (UserTask task : reviewTasks(client)) {
          client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("clerk-1").send().join();
          client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", true)).send().join();
        }
        waitFor("every instance to complete", () -> completed(client) == INSTANCES);
      }

      if (worked.size() != INSTANCES) fail("expected " + INSTANCES + " jobs worked, found " + worked.size());
      if (worked.values().stream().anyMatch(n -> n != 1)) fail("a job was worked more than once: " + worked);
      System.out.println("java client: " + INSTANCES + " instances completed, " + worked.size() + " jobs worked once each, "
          + rejected + " BPMN errors thrown and their user tasks completed");
    }
  }

  private static List<UserTask> reviewTasks(CamundaClient client) {
    return client.newUserTaskSearchRequest()
        .filter(f -> f.elementId("review").state(UserTaskState.CREATED)).send().join().items();
  }

  private static int completed(CamundaClient client) {
    return client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId("client-check").state(ProcessInstanceState.COMPLETED)).send().join().items().size();
  }

  private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!done.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) fail("timed out waiting for " + what);
      Thread.sleep(200);
    }
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) fail(name + " is not set");
    return value;
  }

  private static void fail(String message) {
    System.err.println("java client check failed: " + message);
    System.exit(1);
  }
}
