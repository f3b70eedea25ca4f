"""konkyo inside LangChain: a retriever of evidence sentences and a Runnable that answers."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import ConfigDict

from rag.answer import Answer

if TYPE_CHECKING:
    from rag.assistant import Assistant


class KonkyoRetriever(BaseRetriever):
    """Returns evidence sentences as Documents; metadata carries the span, source and speculation tag."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any  # rag.assistant.Assistant (Any: pydantic cannot validate it)
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(page_content=p.text, metadata={key: value for key, value in asdict(p).items() if key != "text"})
            for p in self.assistant.retrieve(query, k=self.k)
        ]


def answer_runnable(assistant: Assistant) -> Runnable[Any, Answer]:
    """A Runnable taking a question (a string, or a dict with "question") and returning an Answer."""

    def _ask(value: Any) -> Answer:
        question = value.get("question", "") if isinstance(value, dict) else str(value)
        return assistant.ask(question)

    return RunnableLambda(_ask, name="konkyo")
