"""The skills check's result as a plain-text email body."""

from website import site_address


def as_text(area_results, steps):
    lines = ["Your digital skills check", ""]
    for result in area_results:
        lines.append(f"{result.area.name}: {result.standing.name}. {result.standing.sentence}")
    for step in steps:
        lines += ["", f"Next steps for {result_name(step)}", ""]
        for course in step.courses:
            lines.append(f"- {course.page.title}: {course.session.when}, {course.where}")
            lines.append(f"  {site_address.page_address(course.page)}")
        for resource in step.resources:
            lines.append(f"- {resource.title} ({resource.provider}), learn at home")
            lines.append(f"  {resource.url}")
    return "\n".join(lines)


def result_name(step):
    return step.result.area.name
