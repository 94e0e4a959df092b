package family.gallery.locallambda.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import family.gallery.locallambda.FunctionDefinition;
import family.gallery.locallambda.sqs.SqsEventSourceMapping;
import family.gallery.template.IntrinsicResolver;
import family.gallery.template.Nodes;
import family.gallery.template.StackTemplate;
import family.gallery.template.StackTemplate.Resource;
import family.gallery.template.TemplateException;

/**
 * The functions of a SAM template and their SQS event source mappings, as SAM would deploy them:
 * {@code Globals.Function} supplies what a function leaves out (environment variables merge, the
 * function's own win), MemorySize and Timeout default to Lambda's 128 MB and 3 s, a function's name
 * is what {@code !Ref} of it gives, and a resource whose Condition is false is left out.
 * Events of other types than SQS are not Lambda's to serve and are skipped. Layers are not
 * mounted: what a layer puts on the PATH (the video function's ffmpeg) comes from the machine.
 *
 * @param functions every function, its CodeUri resolved against the template's folder
 * @param sqsMappings every SQS event of every function
 */
public record LambdaTopology(List<FunctionDefinition> functions, List<SqsEventSourceMapping> sqsMappings) {

    private static final String FUNCTION = "AWS::Serverless::Function";

    public LambdaTopology {
        functions = List.copyOf(functions);
        sqsMappings = List.copyOf(sqsMappings);
    }

    /**
     * @param templateDir the folder of template.yaml, against which CodeUri paths are resolved
     * @param resolver gives the values of the intrinsic functions where the stack runs
     */
    public static LambdaTopology read(StackTemplate template, Path templateDir, IntrinsicResolver resolver) {
        Map<String, Object> globals = map(resolver.resolve(template.section("Globals").getOrDefault("Function", Map.of())),
                "Globals.Function");
        List<FunctionDefinition> functions = new ArrayList<>();
        List<SqsEventSourceMapping> mappings = new ArrayList<>();
        for (Resource resource : template.resources()) {
            if (resource.type().equals("AWS::Lambda::Function")) {
                throw new TemplateException(resource.logicalId()
                        + ": only AWS::Serverless::Function with a CodeUri zip runs locally");
            }
            if (!resource.type().equals(FUNCTION) || !applies(resource, resolver)) {
                continue;
            }
            Map<String, Object> properties = map(resolver.resolve(resource.properties()), resource.logicalId());
            String name = resolver.resolveString(Map.of("Ref", resource.logicalId()), resource.logicalId());
            functions.add(function(resource.logicalId(), name, globals, properties, templateDir));
            map(properties.getOrDefault("Events", Map.of()), resource.logicalId() + ".Events").forEach((event, body) -> {
                String where = resource.logicalId() + ".Events." + event;
                Map<String, Object> definition = map(body, where);
                if ("SQS".equals(definition.get("Type"))) {
                    mappings.add(sqsMapping(name, map(definition.get("Properties"), where + ".Properties"), where));
                }
            });
        }
        return new LambdaTopology(functions, mappings);
    }

    private static boolean applies(Resource resource, IntrinsicResolver resolver) {
        Optional<Object> condition = resource.attribute("Condition");
        return condition.isEmpty() || resolver.condition(Nodes.asString(condition.get(), resource.logicalId() + ".Condition"));
    }

    private static FunctionDefinition function(String logicalId, String name, Map<String, Object> globals,
            Map<String, Object> properties, Path templateDir) {
        Object codeUri = properties.getOrDefault("CodeUri", globals.get("CodeUri"));
        if (!(codeUri instanceof String path)) {
            throw new TemplateException(logicalId + ": CodeUri must be the path of a deployment package, found "
                    + (codeUri == null ? "nothing" : codeUri));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> level : List.of(globals, properties)) {
            Map<String, Object> variables = map(map(level.getOrDefault("Environment", Map.of()), logicalId + ".Environment")
                    .getOrDefault("Variables", Map.of()), logicalId + ".Environment.Variables");
            variables.forEach((key, value) -> environment.put(key, Nodes.asString(value, logicalId + ".Environment." + key)));
        }
        try {
            return new FunctionDefinition(name, templateDir.resolve(path).normalize(),
                    integer(properties, globals, "MemorySize", 128, logicalId),
                    integer(properties, globals, "Timeout", 3, logicalId), environment);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(logicalId + ": " + e.getMessage(), e);
        }
    }

    private static SqsEventSourceMapping sqsMapping(String functionName, Map<String, Object> properties, String where) {
        if (properties.containsKey("FilterCriteria")) {
            throw new TemplateException(where + ": FilterCriteria is not served locally");
        }
        Map<String, Object> scaling = map(properties.getOrDefault("ScalingConfig", Map.of()), where + ".ScalingConfig");
        Object concurrency = scaling.get("MaximumConcurrency");
        List<Object> responseTypes = Nodes.asList(properties.getOrDefault("FunctionResponseTypes", List.of()),
                where + ".FunctionResponseTypes");
        try {
            return new SqsEventSourceMapping(functionName, Nodes.asString(properties.get("Queue"), where + ".Queue"),
                    integer(properties, Map.of(), "BatchSize", 10, where),
                    integer(properties, Map.of(), "MaximumBatchingWindowInSeconds", 0, where),
                    responseTypes.contains("ReportBatchItemFailures"),
                    concurrency == null ? OptionalInt.empty() : OptionalInt.of(parse(concurrency, where + ".ScalingConfig")),
                    Boolean.parseBoolean(Nodes.asString(properties.getOrDefault("Enabled", true), where + ".Enabled")));
        } catch (IllegalArgumentException e) {
            throw new TemplateException(e.getMessage(), e);
        }
    }

    private static int integer(Map<String, Object> properties, Map<String, Object> globals, String key, int absent,
            String where) {
        Object value = properties.getOrDefault(key, globals.get(key));
        return value == null ? absent : parse(value, where + "." + key);
    }

    private static int parse(Object value, String where) {
        String text = Nodes.asString(value, where);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " must be a whole number, found " + text);
        }
    }

    private static Map<String, Object> map(Object node, String where) {
        return Nodes.asMap(node, where);
    }
}
