from typing import Any

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """{"count", "next", "previous", "results"}; ?page= and ?page_size= up to 100."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """Pages count from 1. The size is read leniently, as it always was: a whole number up
        to 100, anything else gives 20; so any text is a valid value and the schema says so."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            else:
                parameter["schema"] = {"type": "string"}
                parameter["description"] = (
                    f"results per page: a whole number up to {self.max_page_size}; "
                    f"anything else gives {self.page_size}"
                )
        return parameters
