package io.vtsdk.model.validation.internal;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.ElementDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.ElementType;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A traversable resolver that cascades only into the properties that can lead to a constraint of one group. Hibernate
 * Validator walks the whole object graph once per requested group; the SUBMISSION stage adds a group whose
 * constraints sit on the dossier and its patient only, so without this resolver its pass visits every section,
 * professional and attachment for nothing (a third of a submission's validation time, issue 24's profile).
 *
 * <p>Decided from the declared types and Hibernate Validator's own metadata, once per class. A declared type that is
 * not final (an interface, a sealed or open class) could hold a subclass with constraints of the group: it is always
 * cascaded. Not API.
 */
public final class GroupReach implements TraversableResolver {
  private final Validator metadata;
  private final Class<?> group;
  /** Per class: the properties to cascade into for {@link #group}. */
  private final Map<Class<?>, Set<String>> cascaded = new ConcurrentHashMap<>();
  /** Per class: whether a constraint of the group can be found at or under it. */
  private final Map<Class<?>, Boolean> leads = new ConcurrentHashMap<>();

  /**
   * @param metadata a validator of the same factory, read for its constraint metadata only
   * @param group the one group validated with this resolver
   */
  public GroupReach(Validator metadata, Class<?> group) {
    this.metadata = metadata;
    this.group = group;
  }

  @Override
  public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
      Path pathToTraversableObject, ElementType elementType) {
    return true;
  }

  @Override
  public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
      Path pathToTraversableObject, ElementType elementType) {
    if (traversableObject == null || traversableProperty.getName() == null) {
      return true;
    }
    return cascaded.computeIfAbsent(traversableObject.getClass(), this::cascadedProperties)
        .contains(traversableProperty.getName());
  }

  private Set<String> cascadedProperties(Class<?> type) {
    Set<String> out = new HashSet<>();
    for (PropertyDescriptor p : metadata.getConstraintsForClass(type).getConstrainedProperties()) {
      boolean lead = p.isCascaded() && leadsToGroup(p.getElementClass(), new HashSet<>());
      for (ContainerElementTypeDescriptor c : p.getConstrainedContainerElementTypes()) {
        lead |= c.isCascaded() && leadsToGroup(c.getElementClass(), new HashSet<>());
      }
      if (lead) {
        out.add(p.getPropertyName());
      }
    }
    return Set.copyOf(out);
  }

  private boolean leadsToGroup(Class<?> type, Set<Class<?>> visiting) {
    Boolean known = leads.get(type);
    if (known != null) {
      return known;
    }
    if (!visiting.add(type)) {
      return false; // a cycle: what lies on it is decided by the class that started it
    }
    boolean lead = mayBeSubclassed(type) || hasOwnConstraints(type);
    if (!lead) {
      for (PropertyDescriptor p : metadata.getConstraintsForClass(type).getConstrainedProperties()) {
        if (p.isCascaded() && leadsToGroup(p.getElementClass(), visiting)) {
          lead = true;
          break;
        }
        for (ContainerElementTypeDescriptor c : p.getConstrainedContainerElementTypes()) {
          if (c.isCascaded() && leadsToGroup(c.getElementClass(), visiting)) {
            lead = true;
            break;
          }
        }
      }
    }
    visiting.remove(type);
    if (visiting.isEmpty() || lead) {
      leads.put(type, lead); // a "no" inside a cycle is only final once the cycle's start is decided
    }
    return lead;
  }

  private static boolean mayBeSubclassed(Class<?> type) {
    return !type.isPrimitive() && !type.isEnum() && !type.isArray() && !Modifier.isFinal(type.getModifiers())
        && !type.getName().startsWith("java.");
  }

  private boolean hasOwnConstraints(Class<?> type) {
    BeanDescriptor bean = metadata.getConstraintsForClass(type);
    if (matches(bean)) {
      return true;
    }
    for (PropertyDescriptor p : bean.getConstrainedProperties()) {
      if (matches(p)) {
        return true;
      }
      for (ContainerElementTypeDescriptor c : p.getConstrainedContainerElementTypes()) {
        if (matches(c)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matches(ElementDescriptor element) {
    return !element.findConstraints().unorderedAndMatchingGroups(group).getConstraintDescriptors().isEmpty();
  }
}
